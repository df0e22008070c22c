package org.educommons.workplan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.educommons.platform.problem.ProblemException.FieldError;

/**
 * A plan item as a tenant admin writes it (API body or form): co-organisers by tenant slug, category
 * by name. {@link #errors()} lists everything wrong at once.
 */
public record PlanItemInput(String title, String category, Integer startMonth, Integer endMonth, String leadUnit,
                            List<String> coOrganisers, String targetParticipants, String description) {

    public static final int TITLE_MAX = 200;
    public static final int TEXT_MAX = 4000;

    public PlanItemInput {
        coOrganisers = coOrganisers == null ? List.of() : List.copyOf(coOrganisers);
    }

    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (title == null || title.isBlank()) {
            errors.add(new FieldError("title", "validation.required"));
        } else if (title.trim().length() > TITLE_MAX) {
            errors.add(new FieldError("title", "validation.too-long"));
        }
        if (category == null || category.isBlank()) {
            errors.add(new FieldError("category", "validation.required"));
        } else if (parseCategory() == null) {
            errors.add(new FieldError("category", "validation.one-of", List.of(PlanCategory.values()).toString()));
        }
        if ((startMonth == null) != (endMonth == null)) {
            errors.add(new FieldError(startMonth == null ? "startMonth" : "endMonth", "validation.months-pair"));
        } else if (startMonth != null) {
            if (startMonth < 1 || startMonth > 12) {
                errors.add(new FieldError("startMonth", "validation.month"));
            }
            if (endMonth < 1 || endMonth > 12) {
                errors.add(new FieldError("endMonth", "validation.month"));
            } else if (startMonth <= 12 && startMonth > endMonth) {
                errors.add(new FieldError("endMonth", "validation.month-order"));
            }
        }
        for (var field : List.of(new String[] {"leadUnit", leadUnit}, new String[] {"targetParticipants", targetParticipants},
                new String[] {"description", description})) {
            if (field[1] != null && field[1].length() > TEXT_MAX) {
                errors.add(new FieldError(field[0], "validation.too-long"));
            }
        }
        return errors;
    }

    PlanItemContent toContent(Set<Long> coOrganiserIds) {
        return new PlanItemContent(title.trim(), parseCategory(), startMonth, endMonth, blankToNull(leadUnit),
                coOrganiserIds, blankToNull(targetParticipants), blankToNull(description));
    }

    private PlanCategory parseCategory() {
        try {
            return PlanCategory.valueOf(category.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
