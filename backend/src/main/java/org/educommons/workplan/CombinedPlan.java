package org.educommons.workplan;

import java.util.List;

import org.educommons.tenancy.LocalizedName;
import org.educommons.tenancy.MembershipRole;

/** The community's combined plan table (共同体工作计划表) for a year: items grouped by member in roster order. */
public record CombinedPlan(String community, LocalizedName name, int year, List<MemberPlan> members) {

    /** One member's part of the table. */
    public record MemberPlan(String tenant, LocalizedName name, MembershipRole role, List<PlanItemDetails> items) {
    }

    public int itemCount() {
        return members.stream().mapToInt(m -> m.items().size()).sum();
    }
}
