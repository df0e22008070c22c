package org.educommons.forum;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.educommons.platform.problem.ProblemException.FieldError;

/** A session of a forum's agenda as the host describes it; {@code capacity} only for breakout groups. */
public record SessionInput(String kind, String title, String speaker, String room, OffsetDateTime startsAt,
                           OffsetDateTime endsAt, Integer capacity) {

    /** The kind, or {@code null} when it names none. */
    public SessionKind parsedKind() {
        for (SessionKind k : SessionKind.values()) {
            if (k.name().equals(kind == null ? null : kind.trim())) {
                return k;
            }
        }
        return null;
    }

    /**
     * Everything wrong with the session, all at once, reported under {@code field}; it must lie
     * within the forum's {@code forumStarts} … {@code forumEnds} when those are known.
     */
    public List<FieldError> errors(String field, OffsetDateTime forumStarts, OffsetDateTime forumEnds) {
        List<FieldError> errors = new ArrayList<>();
        String name = title == null || title.isBlank() ? "?" : title.trim();
        if (parsedKind() == null) {
            errors.add(new FieldError(field, "validation.one-of", List.of(SessionKind.values()).toString()));
        }
        if (title == null || title.isBlank()) {
            errors.add(new FieldError(field, "validation.forum.session-title"));
        } else if (title.trim().length() > 200) {
            errors.add(new FieldError(field, "validation.too-long"));
        }
        if (speaker != null && speaker.trim().length() > 100 || room != null && room.trim().length() > 100) {
            errors.add(new FieldError(field, "validation.too-long"));
        }
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            errors.add(new FieldError(field, "validation.forum.session-times", name));
        } else if (forumStarts != null && forumEnds != null && (startsAt.isBefore(forumStarts) || endsAt.isAfter(forumEnds))) {
            errors.add(new FieldError(field, "validation.forum.session-outside", name));
        }
        if (capacity != null && (capacity < 1 || parsedKind() != SessionKind.BREAKOUT)) {
            errors.add(new FieldError(field, "validation.forum.session-capacity", name));
        }
        return errors;
    }
}
