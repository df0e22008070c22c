package org.educommons.forum;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A partial change the host makes to a forum: fields left out (null) stay as they are. More
 * seats go to the waitlist in order; fewer than are confirmed is refused. {@code quotas}, when
 * given, replaces the whole share-out ({@code {}} removes every quota); {@code planItem} links
 * another plan item, {@code 0} unlinks it. Turning approval off leaves registrations already
 * awaiting approval to the host's decision.
 */
public record ForumEdit(String title, String description, String venue, OffsetDateTime startsAt, OffsetDateTime endsAt,
                        OffsetDateTime registrationOpensAt, OffsetDateTime registrationClosesAt, Integer capacity,
                        Boolean approvalRequired, Map<String, Integer> quotas, Long planItem) {

    /** A change that changes nothing yet: name each field to change with the {@code with…} methods. */
    public static ForumEdit unchanged() {
        return new ForumEdit(null, null, null, null, null, null, null, null, null, null, null);
    }

    public ForumEdit withVenue(String newVenue) {
        return new ForumEdit(title, description, newVenue, startsAt, endsAt, registrationOpensAt, registrationClosesAt,
                capacity, approvalRequired, quotas, planItem);
    }

    /** The forum's start and end. */
    public ForumEdit withTimes(OffsetDateTime newStart, OffsetDateTime newEnd) {
        return new ForumEdit(title, description, venue, newStart, newEnd, registrationOpensAt, registrationClosesAt,
                capacity, approvalRequired, quotas, planItem);
    }

    public ForumEdit withRegistrationClosesAt(OffsetDateTime closes) {
        return new ForumEdit(title, description, venue, startsAt, endsAt, registrationOpensAt, closes,
                capacity, approvalRequired, quotas, planItem);
    }

    public ForumEdit withCapacity(Integer seats) {
        return new ForumEdit(title, description, venue, startsAt, endsAt, registrationOpensAt, registrationClosesAt,
                seats, approvalRequired, quotas, planItem);
    }

    public ForumEdit withApprovalRequired(Boolean required) {
        return new ForumEdit(title, description, venue, startsAt, endsAt, registrationOpensAt, registrationClosesAt,
                capacity, required, quotas, planItem);
    }

    /** The whole share-out of seats, member slug → seats ({@code {}}: no quotas). */
    public ForumEdit withQuotas(Map<String, Integer> shareOut) {
        return new ForumEdit(title, description, venue, startsAt, endsAt, registrationOpensAt, registrationClosesAt,
                capacity, approvalRequired, shareOut, planItem);
    }

    /** The forum with this edit applied, as input to validate (the agenda is checked apart). */
    ForumInput merge(Forum current, Map<String, Integer> currentQuotas) {
        return new ForumInput(
                title != null ? title : current.title(),
                description != null ? description : current.description(),
                venue != null ? venue : current.venue(),
                startsAt != null ? startsAt : current.startsAt(),
                endsAt != null ? endsAt : current.endsAt(),
                registrationOpensAt != null ? registrationOpensAt : current.registrationOpensAt(),
                registrationClosesAt != null ? registrationClosesAt : current.registrationClosesAt(),
                capacity != null ? capacity : current.capacity(),
                approvalRequired != null ? approvalRequired : current.approvalRequired(),
                quotas != null ? quotas : currentQuotas,
                planItem == null ? current.planItemId() : planItem == 0 ? null : planItem,
                List.of());
    }
}
