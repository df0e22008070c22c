package org.educommons.workplan;

import java.util.Set;

/**
 * What a plan item says: the fields a tenant admin writes. Months are 1-12; no months means the
 * whole year (全年). Co-organisers are tenant ids of other members of the community.
 */
public record PlanItemContent(String title, PlanCategory category, Integer startMonth, Integer endMonth,
                              String leadUnit, Set<Long> coOrganiserIds, String targetParticipants,
                              String description) {

    public PlanItemContent {
        coOrganiserIds = coOrganiserIds == null ? Set.of() : Set.copyOf(coOrganiserIds);
    }

    /** Does the item take place (at least partly) in {@code month}? Whole-year items do in every month. */
    public boolean coversMonth(int month) {
        return startMonth == null || (startMonth <= month && month <= endMonth);
    }
}
