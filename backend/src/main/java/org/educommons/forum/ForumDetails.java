package org.educommons.forum;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A forum as members see it (with the credit hours it earns those checked in, null for none), with the seats
 * left in total and for the caller's own member
 * ({@code null} when its member has no quota of its own), its agenda in time order, and what the
 * caller may do with it.
 */
public record ForumDetails(long id, String host, String community, String title, String description, String venue,
                        OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime registrationOpensAt,
                        OffsetDateTime registrationClosesAt, int capacity, boolean approvalRequired,
                        java.math.BigDecimal creditHours, Map<String, Integer> quotas, Long planItem, int seatsLeft, Integer seatsLeftForMyTenant,
                        boolean registrationOpen, List<SessionDetails> agenda, int version,
                        ForumPermissions permissions) {
}
