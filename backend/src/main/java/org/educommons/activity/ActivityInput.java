package org.educommons.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.educommons.platform.problem.ProblemException.FieldError;

/**
 * A joint activity as its proposer describes it. {@code organisers} names the members running it
 * with their part (the proposer may name itself to state its own part); {@code schools} are ids of
 * participating schools of any organiser, {@code planItems} ids of published plan items of any
 * organiser that the activity realises; {@code pairings} (school pairing only) say which school
 * supports which, from when to when.
 */
public record ActivityInput(String title, String type, LocalDate startsOn, LocalDate endsOn, String description,
                            List<Organiser> organisers, List<Long> schools, List<Long> planItems,
                            List<Pairing> pairings) {

    /** A member taking part in organising, and what it does. */
    public record Organiser(String tenant, String part) {
    }

    /** One school supporting another (结对帮扶). */
    public record Pairing(Long supportingSchool, Long supportedSchool, LocalDate startsOn, LocalDate endsOn) {
    }

    public ActivityInput {
        organisers = organisers == null ? List.of() : organisers.stream().filter(Objects::nonNull).toList();
        schools = schools == null ? List.of() : schools.stream().filter(Objects::nonNull).distinct().toList();
        planItems = planItems == null ? List.of() : planItems.stream().filter(Objects::nonNull).distinct().toList();
        pairings = pairings == null ? List.of() : pairings.stream().filter(Objects::nonNull).toList();
    }

    /** The type, or {@code null} when it names none. */
    public ActivityType parsedType() {
        for (ActivityType t : ActivityType.values()) {
            if (t.name().equals(type == null ? null : type.trim())) {
                return t;
            }
        }
        return null;
    }

    /** Everything wrong with the input on its own, all at once (membership is checked by the service). */
    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (title == null || title.isBlank()) {
            errors.add(new FieldError("title", "validation.required"));
        } else if (title.trim().length() > 200) {
            errors.add(new FieldError("title", "validation.too-long"));
        }
        if (parsedType() == null) {
            errors.add(new FieldError("type", "validation.one-of", List.of(ActivityType.values()).toString()));
        }
        if (startsOn == null) {
            errors.add(new FieldError("startsOn", "validation.required"));
        }
        if (endsOn == null) {
            errors.add(new FieldError("endsOn", "validation.required"));
        }
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            errors.add(new FieldError("endsOn", "validation.activity.ends-before-start"));
        }
        for (Organiser o : organisers) {
            if (o.tenant() == null || o.tenant().isBlank()) {
                errors.add(new FieldError("organisers", "validation.required"));
            }
            if (o.part() != null && o.part().trim().length() > 200) {
                errors.add(new FieldError("organisers", "validation.too-long"));
            }
        }
        if (!pairings.isEmpty() && parsedType() != ActivityType.SCHOOL_PAIRING) {
            errors.add(new FieldError("pairings", "validation.activity.pairings-type"));
        }
        java.util.Set<List<Long>> pairs = new java.util.HashSet<>();
        for (Pairing p : pairings) {
            if (p.supportingSchool() != null && p.supportedSchool() != null
                    && !pairs.add(List.of(p.supportingSchool(), p.supportedSchool()))) {
                errors.add(new FieldError("pairings", "validation.activity.pairing-duplicate"));
            }
            if (p.supportingSchool() == null || p.supportedSchool() == null || p.startsOn() == null || p.endsOn() == null) {
                errors.add(new FieldError("pairings", "validation.activity.pairing-incomplete"));
            } else if (p.endsOn().isBefore(p.startsOn())) {
                errors.add(new FieldError("pairings", "validation.activity.ends-before-start"));
            }
        }
        return errors;
    }
}
