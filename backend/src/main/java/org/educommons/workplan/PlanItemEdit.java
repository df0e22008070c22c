package org.educommons.workplan;

import java.util.List;
import java.util.Map;

import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ProblemException.FieldError;

/**
 * A partial change to a plan item: fields left out (null) stay as they are; an empty text clears
 * it. A new {@code status} needs a progress {@code note}.
 */
public record PlanItemEdit(String title, String category, Integer startMonth, Integer endMonth, String leadUnit,
                           List<String> coOrganisers, String targetParticipants, String description,
                           String status, String note) {

    /** The item's content with this edit applied, as input to validate. */
    PlanItemInput merge(PlanItemContent current, Map<Long, String> slugs) {
        boolean monthsGiven = startMonth != null || endMonth != null;
        return new PlanItemInput(
                title != null ? title : current.title(),
                category != null ? category : current.category().name(),
                monthsGiven ? startMonth : current.startMonth(),
                monthsGiven ? endMonth : current.endMonth(),
                leadUnit != null ? leadUnit : current.leadUnit(),
                coOrganisers != null ? coOrganisers : current.coOrganiserIds().stream().map(slugs::get).toList(),
                targetParticipants != null ? targetParticipants : current.targetParticipants(),
                description != null ? description : current.description());
    }

    ItemStatus parsedStatus() {
        if (status == null) {
            return null;
        }
        try {
            return ItemStatus.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "invalid-input",
                    List.of(new FieldError("status", "validation.one-of", List.of(ItemStatus.values()).toString())));
        }
    }
}
