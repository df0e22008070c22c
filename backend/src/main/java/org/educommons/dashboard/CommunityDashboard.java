package org.educommons.dashboard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.educommons.activity.ActivityType;
import org.educommons.identity.AccountPrincipal;
import org.educommons.platform.database.Row;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.Membership;
import org.educommons.tenancy.Roster;
import org.educommons.tenancy.TenantContext;
import org.educommons.tenancy.TenantTransactional;
import org.educommons.workplan.ItemStatus;

/** Counts a community's dashboard for its members, each figure in one query. */
@ApplicationScoped
@TenantTransactional
public class CommunityDashboard {

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    @Inject
    TenantContext tenantContext;

    @Inject
    CommunityDirectory directory;

    /** The dashboard of {@code communitySlug} for {@code year} (members only). */
    public DashboardDetails of(CommunitySlug communitySlug, int year) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Roster roster = directory.roster(communitySlug);
        roster.requireMember(caller.tenantId());
        long community = roster.community().id();
        return new DashboardDetails(communitySlug.value(), roster.community().name(), year, plans(roster, year),
                plans(roster, year - 1), activities(community, year), joined(community));
    }

    /** Published items of {@code year} per member and status; every member of the roster, in its order. */
    private List<DashboardDetails.MemberPlan> plans(Roster roster, int year) {
        record Counted(long tenant, ItemStatus status, int count) {
        }
        List<Counted> counted = Row.list(em.createNativeQuery("""
                        select i.tenant_id, i.status, count(*) from plan_item i
                         where i.community_id = ?1 and i.year = ?2 and i.published_at is not null
                         group by i.tenant_id, i.status""")
                        .setParameter(1, roster.community().id()).setParameter(2, year),
                r -> new Counted(r.getLong(0), r.getEnum(1, ItemStatus.class), r.getInt(2)));
        Map<Long, Map<ItemStatus, Integer>> byTenant = new LinkedHashMap<>();
        for (Membership m : roster.members()) {
            Map<ItemStatus, Integer> items = new EnumMap<>(ItemStatus.class);
            for (ItemStatus status : ItemStatus.values()) {
                items.put(status, 0);
            }
            byTenant.put(m.tenant().id(), items);
        }
        counted.forEach(c -> byTenant.computeIfPresent(c.tenant(), (t, items) -> {
            items.put(c.status(), c.count());
            return items;
        }));
        List<DashboardDetails.MemberPlan> plans = new ArrayList<>();
        for (Membership m : roster.members()) {
            plans.add(new DashboardDetails.MemberPlan(m.tenant().slug().value(), m.tenant().name(),
                    Map.copyOf(byTenant.get(m.tenant().id()))));
        }
        return plans;
    }

    /** Joint activities the caller sees that start in {@code year}, by type and month, cancelled ones aside. */
    private List<DashboardDetails.ActivityCount> activities(long community, int year) {
        return Row.list(em.createNativeQuery("""
                        select a.type, cast(extract(month from a.starts_on) as integer), count(*) from activity a
                         where a.community_id = ?1 and a.starts_on >= make_date(?2, 1, 1) and a.starts_on < make_date(?2 + 1, 1, 1)
                           and a.status <> 'CANCELLED'
                         group by 1, 2 order by 2, 1""")
                        .setParameter(1, community).setParameter(2, year),
                r -> new DashboardDetails.ActivityCount(r.getEnum(0, ActivityType.class), r.getInt(1), r.getInt(2)));
    }

    /** Members joined per year, with the running total. */
    private List<DashboardDetails.JoinedYear> joined(long community) {
        return Row.list(em.createNativeQuery("""
                        select joined_year, count(*), cast(sum(count(*)) over (order by joined_year) as integer)
                          from community_membership where community_id = ?1 group by joined_year order by joined_year""")
                        .setParameter(1, community),
                r -> new DashboardDetails.JoinedYear(r.getInt(0), r.getInt(1), r.getInt(2)));
    }
}
