package org.educommons.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import org.educommons.platform.database.Row;
import org.educommons.platform.problem.ProblemException;
import org.educommons.tenancy.LocalizedName;
import org.educommons.tenancy.Roster;

/**
 * Where joint activities and their parts (organisers, schools, plan items, school pairs,
 * attachments) are read and written, and {@code activity_respond} is called. Every native result is
 * mapped here, once. Runs in the caller's transaction, under row-level security of the caller's tenant.
 */
@ApplicationScoped
public class ActivityRepository {

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    /** An activity the caller may see (row-level security decides), or 404. */
    Activity visible(long id) {
        return em.createQuery("select a from Activity a where a.id = :id", Activity.class)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("activity", id));
    }

    /** A community's activities after id {@code after}, by id, optionally of one type or status. */
    List<Activity> ofCommunity(long communityId, ActivityType type, ActivityStatus status, long after, int max) {
        var query = em.createQuery("select a from Activity a where a.communityId = :community and a.id > :after"
                        + (type == null ? "" : " and a.type = :type")
                        + (status == null ? "" : " and a.status = :status")
                        + " order by a.id", Activity.class)
                .setParameter("community", communityId)
                .setParameter("after", after)
                .setMaxResults(max);
        if (type != null) {
            query.setParameter("type", type);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getResultList();
    }

    /** Proposed activities in which tenant {@code organiser} was asked to take a part it has not answered yet, soonest first. */
    List<ActivityAnswers.Awaiting> awaitingAnswerOf(long organiser, int max) {
        return Row.list(em.createNativeQuery("""
                        select a.id, a.title, a.type, c.slug, t.slug, t.name_zh, t.name_en, a.starts_on, a.ends_on, o.part
                          from activity_organiser o
                          join activity a on a.tenant_id = o.tenant_id and a.id = o.activity_id
                          join community c on c.id = a.community_id
                          join tenant t on t.id = a.tenant_id
                         where o.organiser_tenant_id = ?1 and o.response = 'PENDING' and a.status = 'PROPOSED'
                         order by a.starts_on, a.id""")
                .setParameter(1, organiser).setMaxResults(max),
                r -> new ActivityAnswers.Awaiting(r.getLong(0), r.getString(1), r.getEnum(2, ActivityType.class),
                        r.getString(3), r.getString(4), new LocalizedName(r.getString(5), r.getString(6)),
                        r.getLocalDate(7), r.getLocalDate(8), r.getString(9)));
    }

    /** A community's activities the caller may see, by first day. */
    List<Activity> ofCommunityByStart(long communityId) {
        return em.createQuery("select a from Activity a where a.communityId = :community order by a.startsOn, a.id",
                        Activity.class)
                .setParameter("community", communityId).getResultList();
    }

    void add(Activity activity) {
        em.persist(activity);
        em.flush();
    }

    /** Writes the activity and reads back the version the database now holds (for the next If-Match). */
    void save(Activity activity) {
        em.flush();
        em.refresh(activity);
    }

    /** Reads the activity again (after a database function changed it). */
    void reload(Activity activity) {
        em.refresh(activity);
    }

    // --- parts ----------------------------------------------------------------------------------

    void addOrganiser(Activity activity, long tenant, String part, boolean confirmedBy, String username) {
        execute("""
                        insert into activity_organiser (tenant_id, activity_id, organiser_tenant_id, part, response,
                                                        responded_by, responded_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, case when ?5 = 'CONFIRMED' then now() end)""",
                activity.proposerTenantId(), activity.id(), tenant, part, confirmedBy ? "CONFIRMED" : "PENDING",
                confirmedBy ? username : null);
    }

    void addSchool(Activity activity, long schoolTenant, long school) {
        execute("insert into activity_school (tenant_id, activity_id, school_tenant_id, school_id) values (?1, ?2, ?3, ?4)",
                activity.proposerTenantId(), activity.id(), schoolTenant, school);
    }

    void addPlanItem(Activity activity, long itemTenant, long item) {
        execute("insert into activity_plan_item (tenant_id, activity_id, item_tenant_id, item_id) values (?1, ?2, ?3, ?4)",
                activity.proposerTenantId(), activity.id(), itemTenant, item);
    }

    void addPairing(Activity activity, long supportingTenant, ActivityInput.Pairing p, long supportedTenant) {
        execute("""
                        insert into activity_pairing (tenant_id, activity_id, supporting_tenant_id, supporting_school_id,
                                                      supported_tenant_id, supported_school_id, starts_on, ends_on)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""",
                activity.proposerTenantId(), activity.id(), supportingTenant, p.supportingSchool(), supportedTenant,
                p.supportedSchool(), p.startsOn(), p.endsOn());
    }

    /** The names of an activity's attachments, in order. */
    List<String> attachmentNames(Activity activity) {
        return Row.list(em.createNativeQuery("select name from activity_attachment where tenant_id = ?1 and activity_id = ?2 order by id")
                .setParameter(1, activity.proposerTenantId()).setParameter(2, activity.id()), r -> r.getString(0));
    }

    /** Replaces an activity's attachments. */
    void replaceAttachments(Activity activity, List<ActivityDetails.Attachment> attachments) {
        execute("delete from activity_attachment where tenant_id = ?1 and activity_id = ?2", activity.proposerTenantId(), activity.id());
        for (ActivityDetails.Attachment a : attachments) {
            execute("insert into activity_attachment (tenant_id, activity_id, name, description) values (?1, ?2, ?3, ?4)",
                    activity.proposerTenantId(), activity.id(), a.name().trim(), a.description().trim());
        }
    }

    /** The organising members of an activity. */
    List<Long> organisers(Activity activity) {
        return Row.list(em.createNativeQuery(
                        "select organiser_tenant_id from activity_organiser where tenant_id = ?1 and activity_id = ?2")
                .setParameter(1, activity.proposerTenantId()).setParameter(2, activity.id()), r -> r.getLong(0));
    }

    boolean isOrganiser(Activity activity, long tenant) {
        return !em.createNativeQuery("""
                        select 1 from activity_organiser
                         where tenant_id = ?1 and activity_id = ?2 and organiser_tenant_id = ?3""")
                .setParameter(1, activity.proposerTenantId()).setParameter(2, activity.id()).setParameter(3, tenant)
                .getResultList().isEmpty();
    }

    /** An organiser's answer; the activity's status afterwards, empty when the part was answered already. */
    Optional<ActivityStatus> respond(Activity activity, boolean confirm, String username, String reason) {
        return Row.first(em.createNativeQuery("select status from activity_respond(?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, activity.proposerTenantId()).setParameter(2, activity.id()).setParameter(3, confirm)
                .setParameter(4, username).setParameter(5, reason), r -> r.getEnum(0, ActivityStatus.class));
    }

    /** The schools among {@code ids} that belong to members of the roster's community, by id. */
    Map<Long, ActivityDetails.School> schools(Set<Long> ids, Roster roster) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> slugs = roster.slugsById();
        Map<Long, ActivityDetails.School> schools = new LinkedHashMap<>();
        Row.list(em.createNativeQuery("""
                        select s.id, s.tenant_id, s.name_zh from school s
                         where s.id = any(cast(string_to_array(?1, ',') as bigint[]))""")
                .setParameter(1, csv(ids)), r -> r).forEach(r -> {
                    String tenant = slugs.get(r.getLong(1));
                    if (tenant != null) {
                        schools.put(r.getLong(0), new ActivityDetails.School(r.getLong(0), tenant, r.getString(2)));
                    }
                });
        return schools;
    }

    /** The tenant of each published plan item of the community among {@code ids}. */
    Map<Long, Long> planItemTenants(List<Long> ids, long communityId) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Row.list(em.createNativeQuery("""
                        select id, tenant_id from plan_item
                         where id = any(cast(string_to_array(?1, ',') as bigint[])) and community_id = ?2
                           and published_at is not null""")
                .setParameter(1, csv(ids)).setParameter(2, communityId), r -> r)
                .stream().collect(Collectors.toMap(r -> r.getLong(0), r -> r.getLong(1)));
    }

    // --- school pairs ---------------------------------------------------------------------------

    private static final String PAIRING_COLUMNS = """
            select p.id, p.activity_id, a.title, p.supporting_school_id, ts.slug, ss.name_zh,
                   p.supported_school_id, td.slug, sd.name_zh, p.starts_on, p.ends_on
              from activity_pairing p
              join activity a on a.tenant_id = p.tenant_id and a.id = p.activity_id
              join school ss on ss.tenant_id = p.supporting_tenant_id and ss.id = p.supporting_school_id
              join tenant ts on ts.id = p.supporting_tenant_id
              join school sd on sd.tenant_id = p.supported_tenant_id and sd.id = p.supported_school_id
              join tenant td on td.id = p.supported_tenant_id""";

    /** A row of {@link #PAIRING_COLUMNS}, its columns from {@code first} on. */
    private static ActivityDetails.Pairing pairing(Row r, int first) {
        return new ActivityDetails.Pairing(r.getLong(first), r.getLong(first + 1), r.getString(first + 2),
                new ActivityDetails.School(r.getLong(first + 3), r.getString(first + 4), r.getString(first + 5)),
                new ActivityDetails.School(r.getLong(first + 6), r.getString(first + 7), r.getString(first + 8)),
                r.getLocalDate(first + 9), r.getLocalDate(first + 10));
    }

    /**
     * School pairs of the community's confirmed and finished activities after id {@code after}, by
     * id; only {@code member}'s, and only those in force on {@code activeOn}, when given.
     */
    List<ActivityDetails.Pairing> pairings(long communityId, Long member, LocalDate activeOn, long after, int max) {
        List<Object> params = new ArrayList<>(List.of(communityId, after));
        StringBuilder sql = new StringBuilder(PAIRING_COLUMNS)
                .append(" where a.community_id = ?1 and p.id > ?2 and a.status in ('CONFIRMED', 'DONE')");
        if (member != null) {
            params.add(member);
            sql.append(" and ?").append(params.size()).append(" in (p.supporting_tenant_id, p.supported_tenant_id)");
        }
        if (activeOn != null) {
            params.add(activeOn);
            sql.append(" and cast(?").append(params.size()).append(" as date) between p.starts_on and p.ends_on");
        }
        Query query = bind(em.createNativeQuery(sql.append(" order by p.id").toString()), params.toArray()).setMaxResults(max);
        return Row.list(query, r -> pairing(r, 0));
    }

    // --- what an activity shows, loaded for many at once ----------------------------------------

    Map<Long, List<ActivityDetails.Organiser>> organisersOf(String ids, long communityId) {
        return grouped("""
                        select o.activity_id, t.slug, t.name_zh, o.part, o.response, o.responded_by, o.responded_at, o.note
                          from activity_organiser o
                          join tenant t on t.id = o.organiser_tenant_id
                          left join community_membership m on m.tenant_id = o.organiser_tenant_id and m.community_id = ?2
                         where o.activity_id = any(cast(string_to_array(?1, ',') as bigint[]))
                         order by o.activity_id, o.organiser_tenant_id <> o.tenant_id, m.roster_position""",
                r -> new ActivityDetails.Organiser(r.getString(1), r.getString(2), r.getString(3),
                        r.getEnum(4, OrganiserResponse.class), r.getString(5), r.getOffsetDateTime(6), r.getString(7)),
                ids, communityId);
    }

    Map<Long, List<ActivityDetails.School>> schoolsOf(String ids, long communityId) {
        return grouped("""
                        select x.activity_id, s.id, t.slug, s.name_zh
                          from activity_school x
                          join school s on s.tenant_id = x.school_tenant_id and s.id = x.school_id
                          join tenant t on t.id = x.school_tenant_id
                          left join community_membership m on m.tenant_id = x.school_tenant_id and m.community_id = ?2
                         where x.activity_id = any(cast(string_to_array(?1, ',') as bigint[]))
                         order by x.activity_id, m.roster_position, s.name_zh""",
                r -> new ActivityDetails.School(r.getLong(1), r.getString(2), r.getString(3)), ids, communityId);
    }

    Map<Long, List<ActivityDetails.PlanItem>> planItemsOf(String ids) {
        return grouped("""
                        select x.activity_id, i.id, t.slug, i.title
                          from activity_plan_item x
                          join plan_item i on i.tenant_id = x.item_tenant_id and i.id = x.item_id
                          join tenant t on t.id = x.item_tenant_id
                         where x.activity_id = any(cast(string_to_array(?1, ',') as bigint[]))
                         order by x.activity_id, i.id""",
                r -> new ActivityDetails.PlanItem(r.getLong(1), r.getString(2), r.getString(3)), ids);
    }

    Map<Long, List<ActivityDetails.Pairing>> pairingsOf(String ids) {
        return grouped("""
                        select x.activity_id, x.* from (""" + PAIRING_COLUMNS + """
                        ) x where x.activity_id = any(cast(string_to_array(?1, ',') as bigint[]))
                         order by x.activity_id, x.starts_on, x.id""",
                r -> pairing(r, 1), ids);
    }

    Map<Long, List<ActivityDetails.Attachment>> attachmentsOf(String ids) {
        return grouped("""
                        select activity_id, name, description from activity_attachment
                         where activity_id = any(cast(string_to_array(?1, ',') as bigint[]))
                         order by activity_id, id""",
                r -> new ActivityDetails.Attachment(r.getString(1), r.getString(2)), ids);
    }

    /** Ids as one parameter (a comma-separated list the SQL turns into an array). */
    static String csv(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Rows of {@code sql} (activity id first), mapped and grouped by activity. */
    private <T> Map<Long, List<T>> grouped(String sql, Function<Row, T> mapper, Object... params) {
        Map<Long, List<T>> grouped = new LinkedHashMap<>();
        Row.list(bind(em.createNativeQuery(sql), params), r -> r)
                .forEach(r -> grouped.computeIfAbsent(r.getLong(0), k -> new ArrayList<>()).add(mapper.apply(r)));
        return grouped;
    }

    private void execute(String sql, Object... params) {
        bind(em.createNativeQuery(sql), params).executeUpdate();
    }

    private static Query bind(Query query, Object... params) {
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query;
    }
}
