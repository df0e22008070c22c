package org.educommons.dashboard;

import java.util.List;

import org.educommons.activity.ActivityType;
import org.educommons.tenancy.LocalizedName;
import org.educommons.workplan.ItemStatus;

/**
 * The figures of a community's dashboard for {@code year}: {@code plans} and {@code lastYearPlans} give
 * each member (in roster order, members without published items included) its published items by
 * status; {@code activities} the joint activities starting in the year by type and month (cancelled
 * ones left out); {@code joined} how many members joined in each year and how many there were then.
 */
public record DashboardDetails(String community, LocalizedName name, int year, List<MemberPlan> plans,
                               List<MemberPlan> lastYearPlans, List<ActivityCount> activities, List<JoinedYear> joined) {

    /** One member's published items of a year, by status. */
    public record MemberPlan(String member, LocalizedName name, java.util.Map<ItemStatus, Integer> items) {
        public int total() {
            return items.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Joint activities of one type starting in one month. */
    public record ActivityCount(ActivityType type, int month, int count) {
    }

    /** Members who joined in {@code year}, and the members there were at its end. */
    public record JoinedYear(int year, int joined, int members) {
    }
}
