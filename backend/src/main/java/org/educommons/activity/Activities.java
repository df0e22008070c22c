package org.educommons.activity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.educommons.platform.api.IfMatch;
import org.educommons.identity.AccountPrincipal;
import org.educommons.identity.Role;
import org.educommons.platform.api.Page;
import org.educommons.platform.audit.AuditTrail;
import org.educommons.platform.database.SqlValues;
import org.educommons.platform.outbox.Outbox;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.tenancy.Community;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.Membership;
import org.educommons.tenancy.TenantContext;
import org.educommons.tenancy.TenantRowKey;
import org.educommons.tenancy.TenantTransactional;

/**
 * Proposing joint activities, answering for one's part, reporting outcomes. Who sees an activity —
 * its organisers, and once confirmed the whole community — is row-level security's decision
 * ({@code activity_visible}); an organiser's answer goes through {@code activity_respond}, which
 * confirms the activity when the last organiser has.
 */
@ApplicationScoped
@TenantTransactional
public class Activities {

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    @Inject
    TenantContext tenantContext;

    @Inject
    CommunityDirectory directory;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    /** Filters for a community's activities; {@code null} fields do not filter. */
    public record Filter(ActivityType type, ActivityStatus status) {
    }

    /**
     * A tenant admin of a member proposes an activity with at least one other organising member.
     * Its own part counts as confirmed; the others are asked.
     */
    public ActivityView propose(CommunitySlug communitySlug, ActivityInput input) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        Community community = directory.find(communitySlug);
        Map<String, Long> members = members(community);
        if (!members.containsValue(caller.tenantId())) {
            throw ProblemException.forbidden();
        }
        List<FieldError> errors = new ArrayList<>(input.errors());
        Map<Long, String> parts = new LinkedHashMap<>();
        parts.put(caller.tenantId(), null);
        for (ActivityInput.Organiser o : input.organisers()) {
            Long tenant = o.tenant() == null ? null : members.get(o.tenant().trim());
            if (tenant == null) {
                if (o.tenant() != null && !o.tenant().isBlank()) {
                    errors.add(new FieldError("organisers", "validation.not-a-member", o.tenant()));
                }
            } else {
                parts.put(tenant, o.part() == null || o.part().isBlank() ? null : o.part().trim());
            }
        }
        if (parts.size() < 2) {
            errors.add(new FieldError("organisers", "validation.activity.organisers"));
        }
        Set<Long> schoolIds = new java.util.LinkedHashSet<>(input.schools());
        input.pairings().forEach(p -> {
            if (p.supportingSchool() != null && p.supportedSchool() != null) {
                schoolIds.add(p.supportingSchool());
                schoolIds.add(p.supportedSchool());
            }
        });
        Map<Long, ActivityView.School> schools = schools(schoolIds, community, members);
        for (Long id : schoolIds) {
            ActivityView.School school = schools.get(id);
            if (school == null || !parts.containsKey(members.get(school.tenant()))) {
                errors.add(new FieldError("schools", "validation.activity.school", id));
            }
        }
        for (ActivityInput.Pairing p : input.pairings()) {
            ActivityView.School supporting = schools.get(p.supportingSchool());
            ActivityView.School supported = schools.get(p.supportedSchool());
            if (supporting != null && supported != null && supporting.tenant().equals(supported.tenant())) {
                errors.add(new FieldError("pairings", "validation.activity.pairing-across", supporting.name(), supported.name()));
            }
        }
        Map<Long, Long> itemTenants = planItemTenants(input.planItems(), community);
        for (Long item : input.planItems()) {
            if (!parts.containsKey(itemTenants.get(item))) {
                errors.add(new FieldError("planItems", "validation.activity.plan-item", item));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-input", errors);
        }

        Activity activity = new Activity(caller.tenantId(), community.id(), input, caller.username());
        em.persist(activity);
        em.flush();
        long owner = caller.tenantId();
        parts.forEach((tenant, part) -> insert("""
                        insert into activity_organiser (tenant_id, activity_id, organiser_tenant_id, part, response,
                                                        responded_by, responded_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, case when ?5 = 'CONFIRMED' then now() end)""",
                owner, activity.id(), tenant, part, tenant == owner ? "CONFIRMED" : "PENDING",
                tenant == owner ? caller.username() : null));
        schoolIds.forEach(id -> insert("""
                        insert into activity_school (tenant_id, activity_id, school_tenant_id, school_id)
                        values (?1, ?2, ?3, ?4)""",
                owner, activity.id(), members.get(schools.get(id).tenant()), id));
        input.planItems().forEach(item -> insert("""
                        insert into activity_plan_item (tenant_id, activity_id, item_tenant_id, item_id)
                        values (?1, ?2, ?3, ?4)""",
                owner, activity.id(), itemTenants.get(item), item));
        input.pairings().forEach(p -> insert("""
                        insert into activity_pairing (tenant_id, activity_id, supporting_tenant_id, supporting_school_id,
                                                      supported_tenant_id, supported_school_id, starts_on, ends_on)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""",
                owner, activity.id(), members.get(schools.get(p.supportingSchool()).tenant()), p.supportingSchool(),
                members.get(schools.get(p.supportedSchool()).tenant()), p.supportedSchool(), p.startsOn(), p.endsOn()));
        Map<Long, String> slugs = slugs(members);
        String proposerName = name(community, caller.tenantId());
        parts.forEach((tenant, part) -> {
            if (tenant != owner) {
                outbox.notifyAdmins(tenant, "notify.activity.proposed", activity.title(), proposerName,
                        activity.startsOn(), activity.endsOn(), part == null ? "—" : part);
            }
        });
        audit.record("activity", activity.id(), "propose", Map.of("title", activity.title(), "type", activity.type().name(),
                "organisers", parts.keySet().stream().map(slugs::get).toList()));
        return views(List.of(activity), community).get(0);
    }

    /** Activities of a community the caller may see, by id, a page at a time. */
    public Page<ActivityView> activities(CommunitySlug communitySlug, Filter filter, String cursor, Integer limit) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Community community = directory.find(communitySlug);
        if (!members(community).containsValue(caller.tenantId())) {
            throw ProblemException.forbidden();
        }
        int size = Page.limit(limit);
        var query = em.createQuery("select a from Activity a where a.communityId = :community and a.id > :after"
                        + (filter.type() == null ? "" : " and a.type = :type")
                        + (filter.status() == null ? "" : " and a.status = :status")
                        + " order by a.id", Activity.class)
                .setParameter("community", community.id())
                .setParameter("after", Page.longCursor(cursor, 0))
                .setMaxResults(size + 1);
        if (filter.type() != null) {
            query.setParameter("type", filter.type());
        }
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        List<Activity> page = query.getResultList();
        return Page.of(views(page, community), size, a -> String.valueOf(a.id()));
    }

    public ActivityView activity(long id) {
        tenantContext.requireCaller();
        Activity activity = visible(id);
        return views(List.of(activity), em.find(Community.class, activity.communityId())).get(0);
    }

    /**
     * An organiser's tenant admin confirms or declines the part it was asked to take (a reason is
     * needed to decline). Answering twice, or once the activity is no longer proposed, is 409.
     */
    public ActivityView respond(long id, String decision, String note) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        Activity activity = visible(id);
        boolean organiser = !em.createNativeQuery("""
                        select 1 from activity_organiser
                         where tenant_id = ?1 and activity_id = ?2 and organiser_tenant_id = ?3""")
                .setParameter(1, activity.proposerTenantId()).setParameter(2, id).setParameter(3, caller.tenantId())
                .getResultList().isEmpty();
        if (!organiser) {
            throw ProblemException.forbidden();
        }
        String verdict = decision == null ? "" : decision.trim();
        if (!verdict.equals("CONFIRMED") && !verdict.equals("DECLINED")) {
            throw new ProblemException(400, "invalid-input",
                    List.of(new FieldError("decision", "validation.one-of", "[CONFIRMED, DECLINED]")));
        }
        boolean confirm = verdict.equals("CONFIRMED");
        String reason = note == null || note.isBlank() ? null : note.trim();
        if (!confirm && reason == null) {
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("note", "validation.activity.decline-reason")));
        }
        @SuppressWarnings("unchecked")
        List<Object> status = em.createNativeQuery("select status from activity_respond(?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, activity.proposerTenantId()).setParameter(2, id).setParameter(3, confirm)
                .setParameter(4, caller.username()).setParameter(5, reason)
                .getResultList();
        if (status.isEmpty()) {
            throw new ProblemException(409, "activity-answered", activity.title());
        }
        Community community = em.find(Community.class, activity.communityId());
        outbox.notifyAdmins(activity.proposerTenantId(), confirm ? "notify.activity.part-confirmed" : "notify.activity.part-declined",
                activity.title(), name(community, caller.tenantId()), reason == null ? "—" : reason);
        if ("CONFIRMED".equals(status.get(0))) {
            for (long tenant : organisers(activity)) {
                outbox.notifyAdmins(tenant, "notify.activity.confirmed", activity.title(), activity.startsOn(), activity.endsOn());
            }
        }
        audit.record("activity", id, confirm ? "confirm-part" : "decline-part",
                reason == null ? Map.of("status", status.get(0)) : Map.of("status", status.get(0), "note", reason));
        em.refresh(activity);
        return views(List.of(activity), community).get(0);
    }

    /**
     * The proposer reports the outcome (the activity is then done) or cancels it, having seen
     * version {@code expected} (428 without one, 412 otherwise).
     */
    public ActivityView edit(long id, IfMatch expected, ActivityEdit edit) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        Activity activity = visible(id);
        if (activity.proposerTenantId() != caller.tenantId()) {
            throw ProblemException.forbidden();
        }
        if (activity.version() != expected.required()) {
            throw new ProblemException(412, "precondition-failed");
        }
        ActivityStatus next = edit.status() == null || edit.status().isBlank() ? activity.status() : parseStatus(edit.status());
        OffsetDateTime now = OffsetDateTime.now();
        Map<String, Object> changes = new LinkedHashMap<>();
        switch (next) {
            case DONE -> {
                if (activity.status() != ActivityStatus.CONFIRMED && activity.status() != ActivityStatus.DONE) {
                    throw new ProblemException(409, "activity-not-confirmed", activity.title());
                }
                List<FieldError> errors = new ArrayList<>();
                if (edit.outcome() == null || edit.outcome().isBlank()) {
                    errors.add(new FieldError("outcome", "validation.required"));
                }
                List<ActivityView.Attachment> attachments = edit.attachments() == null ? null : edit.attachments();
                if (attachments != null) {
                    for (ActivityView.Attachment a : attachments) {
                        if (a == null || a.name() == null || a.name().isBlank() || a.description() == null
                                || a.description().isBlank()) {
                            errors.add(new FieldError("attachments", "validation.activity.attachment"));
                        } else if (a.name().trim().length() > 200) {
                            errors.add(new FieldError("attachments", "validation.too-long"));
                        }
                    }
                }
                if (!errors.isEmpty()) {
                    throw new ProblemException(400, "invalid-input", errors);
                }
                changes.put("status", List.of(activity.status().name(), ActivityStatus.DONE.name()));
                changes.put("outcome", java.util.Arrays.asList(activity.outcome(), edit.outcome().trim()));
                activity.report(edit.outcome(), now);
                if (attachments != null) {
                    insert("delete from activity_attachment where tenant_id = ?1 and activity_id = ?2",
                            activity.proposerTenantId(), id);
                    for (ActivityView.Attachment a : attachments) {
                        insert("insert into activity_attachment (tenant_id, activity_id, name, description) values (?1, ?2, ?3, ?4)",
                                activity.proposerTenantId(), id, a.name().trim(), a.description().trim());
                    }
                    changes.put("attachments", attachments.stream().map(a -> a.name().trim()).toList());
                }
            }
            case CANCELLED -> {
                if (!activity.status().open()) {
                    throw new ProblemException(409, "activity-finished", activity.title());
                }
                if (edit.reason() == null || edit.reason().isBlank()) {
                    throw new ProblemException(400, "invalid-input", List.of(new FieldError("reason", "validation.required")));
                }
                changes.put("status", List.of(activity.status().name(), ActivityStatus.CANCELLED.name()));
                changes.put("reason", edit.reason().trim());
                activity.cancel(edit.reason(), now);
                for (long tenant : organisers(activity)) {
                    if (tenant != caller.tenantId()) {
                        outbox.notifyAdmins(tenant, "notify.activity.cancelled", activity.title(), edit.reason().trim());
                    }
                }
            }
            default -> throw new ProblemException(400, "invalid-input",
                    List.of(new FieldError("status", "validation.one-of", "[DONE, CANCELLED]")));
        }
        em.flush();
        em.refresh(activity); // the version the database now holds, for the caller's next If-Match
        audit.record("activity", id, "update", changes);
        return views(List.of(activity), em.find(Community.class, activity.communityId())).get(0);
    }

    /**
     * School pairs (结对帮扶) of the community's confirmed and finished activities by id, a page at a
     * time, optionally only those of one member ({@code tenant}) or in force on {@code activeOn}.
     */
    public Page<ActivityView.Pairing> pairings(CommunitySlug communitySlug, String tenant, LocalDate activeOn, String cursor,
                                               Integer limit) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Community community = directory.find(communitySlug);
        Map<String, Long> members = members(community);
        if (!members.containsValue(caller.tenantId())) {
            throw ProblemException.forbidden();
        }
        Long member = tenant == null || tenant.isBlank() ? null : members.get(tenant.trim());
        if (tenant != null && !tenant.isBlank() && member == null) {
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("tenant", "validation.not-a-member", tenant)));
        }
        int size = Page.limit(limit);
        List<Object> params = new ArrayList<>(List.of(community.id(), Page.longCursor(cursor, 0)));
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
        var query = em.createNativeQuery(sql.append(" order by p.id").toString()).setMaxResults(size + 1);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return Page.of(rows.stream().map(Activities::pairing).toList(), size, p -> String.valueOf(p.id()));
    }

    // --- helpers --------------------------------------------------------------------------------

    /** The organising members of an activity. */
    private List<Long> organisers(Activity activity) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery(
                        "select organiser_tenant_id from activity_organiser where tenant_id = ?1 and activity_id = ?2")
                .setParameter(1, activity.proposerTenantId()).setParameter(2, activity.id()).getResultList();
        return rows.stream().map(r -> ((Number) r).longValue()).toList();
    }

    /** A member's name (Chinese, as notifications and the community read it). */
    private String name(Community community, long tenant) {
        return directory.roster(community).stream().filter(m -> m.tenant().id() == tenant)
                .map(m -> m.tenant().name().zh()).findFirst().orElse("");
    }

    private static ActivityStatus parseStatus(String status) {
        try {
            return ActivityStatus.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "invalid-input",
                    List.of(new FieldError("status", "validation.one-of", "[DONE, CANCELLED]")));
        }
    }

    private void insert(String sql, Object... args) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < args.length; i++) {
            query.setParameter(i + 1, args[i]);
        }
        query.executeUpdate();
    }

    /** An activity the caller may see (row-level security decides), or 404. */
    private Activity visible(long id) {
        return em.createQuery("select a from Activity a where a.id = :id", Activity.class)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("activity", id));
    }

    /** The schools among {@code ids} that belong to members of the community, by id. */
    private Map<Long, ActivityView.School> schools(Set<Long> ids, Community community, Map<String, Long> members) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> slugs = slugs(members);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select s.id, s.tenant_id, s.name_zh from school s
                         where s.id = any(cast(string_to_array(?1, ',') as bigint[]))""")
                .setParameter(1, csv(ids)).getResultList();
        Map<Long, ActivityView.School> schools = new LinkedHashMap<>();
        for (Object[] r : rows) {
            String tenant = slugs.get(((Number) r[1]).longValue());
            if (tenant != null) {
                schools.put(((Number) r[0]).longValue(), new ActivityView.School(((Number) r[0]).longValue(), tenant, (String) r[2]));
            }
        }
        return schools;
    }

    /** The tenant of each published (or own) plan item of the community among {@code ids}. */
    private Map<Long, Long> planItemTenants(List<Long> ids, Community community) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, tenant_id from plan_item
                         where id = any(cast(string_to_array(?1, ',') as bigint[])) and community_id = ?2
                           and published_at is not null""")
                .setParameter(1, csv(ids)).setParameter(2, community.id()).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> ((Number) r[1]).longValue()));
    }

    private static String csv(java.util.Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private Map<String, Long> members(Community community) {
        Map<String, Long> members = new LinkedHashMap<>();
        for (Membership m : directory.roster(community)) {
            members.put(m.tenant().slug().value(), m.tenant().id());
        }
        return members;
    }

    private static Map<Long, String> slugs(Map<String, Long> members) {
        Map<Long, String> slugs = new LinkedHashMap<>();
        members.forEach((slug, id) -> slugs.put(id, slug));
        return slugs;
    }

    private static final String PAIRING_COLUMNS = """
            select p.id, p.activity_id, a.title, p.supporting_school_id, ts.slug, ss.name_zh,
                   p.supported_school_id, td.slug, sd.name_zh, p.starts_on, p.ends_on
              from activity_pairing p
              join activity a on a.tenant_id = p.tenant_id and a.id = p.activity_id
              join school ss on ss.tenant_id = p.supporting_tenant_id and ss.id = p.supporting_school_id
              join tenant ts on ts.id = p.supporting_tenant_id
              join school sd on sd.tenant_id = p.supported_tenant_id and sd.id = p.supported_school_id
              join tenant td on td.id = p.supported_tenant_id""";

    private static ActivityView.Pairing pairing(Object[] r) {
        return new ActivityView.Pairing(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                new ActivityView.School(((Number) r[3]).longValue(), (String) r[4], (String) r[5]),
                new ActivityView.School(((Number) r[6]).longValue(), (String) r[7], (String) r[8]),
                SqlValues.localDate(r[9]), SqlValues.localDate(r[10]));
    }

    /** Views of activities of one community, their parts loaded with one query per kind. */
    private List<ActivityView> views(List<Activity> activities, Community community) {
        if (activities.isEmpty()) {
            return List.of();
        }
        String ids = csv(activities.stream().map(Activity::id).toList());
        Map<Long, List<ActivityView.Organiser>> organisers = grouped("""
                        select o.activity_id, t.slug, t.name_zh, o.part, o.response, o.responded_by, o.responded_at, o.note
                          from activity_organiser o
                          join tenant t on t.id = o.organiser_tenant_id
                          left join community_membership m on m.tenant_id = o.organiser_tenant_id and m.community_id = ?2
                         where o.activity_id = any(cast(string_to_array(?1, ',') as bigint[]))
                         order by o.activity_id, o.organiser_tenant_id <> o.tenant_id, m.roster_position""",
                r -> new ActivityView.Organiser((String) r[1], (String) r[2], (String) r[3],
                        OrganiserResponse.valueOf((String) r[4]), (String) r[5], SqlValues.offsetDateTime(r[6]), (String) r[7]),
                ids, community.id());
        Map<Long, List<ActivityView.School>> schools = grouped("""
                        select x.activity_id, s.id, t.slug, s.name_zh
                          from activity_school x
                          join school s on s.tenant_id = x.school_tenant_id and s.id = x.school_id
                          join tenant t on t.id = x.school_tenant_id
                          left join community_membership m on m.tenant_id = x.school_tenant_id and m.community_id = ?2
                         where x.activity_id = any(cast(string_to_array(?1, ',') as bigint[]))
                         order by x.activity_id, m.roster_position, s.name_zh""",
                r -> new ActivityView.School(((Number) r[1]).longValue(), (String) r[2], (String) r[3]), ids, community.id());
        Map<Long, List<ActivityView.PlanItem>> items = grouped("""
                        select x.activity_id, i.id, t.slug, i.title
                          from activity_plan_item x
                          join plan_item i on i.tenant_id = x.item_tenant_id and i.id = x.item_id
                          join tenant t on t.id = x.item_tenant_id
                         where x.activity_id = any(cast(string_to_array(?1, ',') as bigint[]))
                         order by x.activity_id, i.id""",
                r -> new ActivityView.PlanItem(((Number) r[1]).longValue(), (String) r[2], (String) r[3]), ids);
        Map<Long, List<ActivityView.Pairing>> pairings = grouped("""
                        select x.activity_id, x.* from (""" + PAIRING_COLUMNS + """
                        ) x where x.activity_id = any(cast(string_to_array(?1, ',') as bigint[]))
                         order by x.activity_id, x.starts_on, x.id""",
                r -> pairing(java.util.Arrays.copyOfRange(r, 1, r.length)), ids);
        Map<Long, List<ActivityView.Attachment>> attachments = grouped("""
                        select activity_id, name, description from activity_attachment
                         where activity_id = any(cast(string_to_array(?1, ',') as bigint[]))
                         order by activity_id, id""",
                r -> new ActivityView.Attachment((String) r[1], (String) r[2]), ids);
        Map<Long, String> slugs = slugs(members(community));
        return activities.stream().map(a -> new ActivityView(a.id(), community.slug().value(),
                slugs.get(a.proposerTenantId()), a.title(), a.type(), a.startsOn(), a.endsOn(), a.description(), a.status(),
                organisers.getOrDefault(a.id(), List.of()), schools.getOrDefault(a.id(), List.of()),
                items.getOrDefault(a.id(), List.of()), pairings.getOrDefault(a.id(), List.of()), a.outcome(),
                a.reportedAt(), attachments.getOrDefault(a.id(), List.of()), a.cancellationReason(), a.createdBy(),
                a.version())).toList();
    }

    /** Rows of {@code sql} (activity id first), mapped and grouped by activity. */
    private <T> Map<Long, List<T>> grouped(String sql, Function<Object[], T> mapper, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<Long, List<T>> grouped = new LinkedHashMap<>();
        for (Object[] r : rows) {
            grouped.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(mapper.apply(r));
        }
        return grouped;
    }

}
