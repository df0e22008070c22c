package org.educommons.workplan;

import java.util.List;
import java.util.Map;

/** A plan item as the API and UI show it; co-organisers by tenant slug, in roster order. */
public record PlanItemDetails(long id, String tenant, String community, int year, int position, String title,
                           PlanCategory category, Integer startMonth, Integer endMonth, String leadUnit,
                           List<String> coOrganisers, String targetParticipants, String description,
                           ItemStatus status, boolean published, int version) {

    /** @param slugs tenant id → slug of the community's members, in roster order */
    static PlanItemDetails of(PlanItem item, Map<Long, String> slugs, String community) {
        PlanItemContent c = item.content();
        List<String> coOrganisers = slugs.entrySet().stream().filter(e -> c.coOrganiserIds().contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
        return new PlanItemDetails(item.id(), slugs.get(item.tenantId()), community, item.year(), item.position(),
                c.title(), c.category(), c.startMonth(), c.endMonth(), c.leadUnit(),
                coOrganisers, c.targetParticipants(),
                c.description(), item.status(), item.published(), item.version());
    }
}
