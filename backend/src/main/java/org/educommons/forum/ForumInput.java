package org.educommons.forum;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.educommons.platform.problem.ProblemException.FieldError;

/**
 * A forum as its host describes it. {@code quotas} shares seats out per member (tenant slug →
 * seats); members left out have no limit of their own. {@code planItem} links the host's plan item
 * the forum realises; {@code agenda} lists its keynotes and breakout groups.
 */
public record ForumInput(String title, String description, String venue, OffsetDateTime startsAt,
                         OffsetDateTime endsAt, OffsetDateTime registrationOpensAt,
                         OffsetDateTime registrationClosesAt, Integer capacity, Boolean approvalRequired,
                         Map<String, Integer> quotas, Long planItem, List<SessionInput> agenda) {

    public ForumInput {
        // a member may be sent with no seats (null): kept, so that errors() names it instead of failing
        quotas = quotas == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(quotas));
        agenda = agenda == null ? List.of() : agenda.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Everything wrong with the input, all at once. */
    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (title == null || title.isBlank()) {
            errors.add(new FieldError("title", "validation.required"));
        } else if (title.trim().length() > 200) {
            errors.add(new FieldError("title", "validation.too-long"));
        }
        if (venue == null || venue.isBlank()) {
            errors.add(new FieldError("venue", "validation.required"));
        } else if (venue.trim().length() > 200) {
            errors.add(new FieldError("venue", "validation.too-long"));
        }
        for (var field : List.of(new Object[] {"startsAt", startsAt}, new Object[] {"endsAt", endsAt},
                new Object[] {"registrationOpensAt", registrationOpensAt}, new Object[] {"registrationClosesAt", registrationClosesAt})) {
            if (field[1] == null) {
                errors.add(new FieldError((String) field[0], "validation.required"));
            }
        }
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            errors.add(new FieldError("endsAt", "validation.forum.ends-before-start"));
        }
        if (registrationOpensAt != null && registrationClosesAt != null && !registrationClosesAt.isAfter(registrationOpensAt)) {
            errors.add(new FieldError("registrationClosesAt", "validation.forum.window"));
        }
        if (registrationClosesAt != null && endsAt != null && registrationClosesAt.isAfter(endsAt)) {
            errors.add(new FieldError("registrationClosesAt", "validation.forum.closes-after-end"));
        }
        if (capacity == null || capacity < 1) {
            errors.add(new FieldError("capacity", "validation.forum.capacity"));
        }
        quotas.forEach((member, seats) -> {
            if (seats == null || seats < 0) {
                errors.add(new FieldError("quotas", "validation.forum.quota", member));
            }
        });
        // against a missing or invalid capacity there is nothing to compare: only the capacity is named
        if (capacity != null && capacity >= 1 && quotas.values().stream().filter(s -> s != null && s > 0).mapToInt(Integer::intValue).sum() > capacity) {
            errors.add(new FieldError("quotas", "validation.forum.quotas-exceed-capacity"));
        }
        for (SessionInput session : agenda) {
            errors.addAll(session.errors("agenda", startsAt, endsAt));
        }
        return errors;
    }
}
