package org.educommons.forum;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A partial change the host makes to a forum: fields left out (null) stay as they are. More
 * seats go to the waitlist in order; fewer than are confirmed is refused.
 */
public record ForumEdit(String title, String description, String venue, OffsetDateTime startsAt, OffsetDateTime endsAt,
                        OffsetDateTime registrationOpensAt, OffsetDateTime registrationClosesAt, Integer capacity) {

    /** The forum with this edit applied, as input to validate (quotas as they are, agenda checked apart). */
    ForumInput merge(Forum current, Map<String, Integer> quotas) {
        return new ForumInput(
                title != null ? title : current.title(),
                description != null ? description : current.description(),
                venue != null ? venue : current.venue(),
                startsAt != null ? startsAt : current.startsAt(),
                endsAt != null ? endsAt : current.endsAt(),
                registrationOpensAt != null ? registrationOpensAt : current.registrationOpensAt(),
                registrationClosesAt != null ? registrationClosesAt : current.registrationClosesAt(),
                capacity != null ? capacity : current.capacity(),
                current.approvalRequired(), quotas, current.planItemId(), List.of());
    }
}
