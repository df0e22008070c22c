package org.educommons.workplan;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.educommons.platform.api.IfMatch;
import org.educommons.identity.AccountPrincipal;
import org.educommons.identity.Role;
import org.educommons.platform.api.Page;
import org.educommons.platform.audit.AuditTrail;
import org.educommons.platform.audit.Changes;
import org.educommons.platform.database.Row;
import org.educommons.platform.i18n.MessageKey;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.tenancy.Community;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.LocalizedName;
import org.educommons.tenancy.Roster;
import org.educommons.tenancy.TenantContext;
import org.educommons.tenancy.TenantRowKey;
import org.educommons.tenancy.TenantTransactional;

/**
 * Everything a member does with its annual work plan, and the community's combined table. Rules
 * live here once, for the API and the UI: only a member's tenant admins write its plan; drafts stay
 * inside the tenant; publishing shows the plan to the community; published items keep a history;
 * a closed plan (年度总结 written) no longer changes. Row-level security enforces the same
 * boundaries underneath.
 */
@ApplicationScoped
@TenantTransactional
public class WorkPlans {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    @Inject
    TenantContext tenantContext;

    @Inject
    CommunityDirectory directory;

    @Inject
    AuditTrail audit;

    /**
     * The caller's own items in its plan for {@code year}, drafts included, in plan order; or, when
     * {@code coOrganised}, other members' published items its tenant co-organises (协办), by id. A
     * page at a time after the item named by {@code cursor}.
     */
    public Page<PlanItemDetails> myItems(CommunitySlug communitySlug, int year, boolean coOrganised, String cursor,
                                      Integer limit) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Roster roster = roster(communitySlug);
        roster.requireMember(caller.tenantId());
        int size = Page.limit(limit);
        // own items by their position in the plan; co-organised ones (published only) by id
        var query = em.createQuery(coOrganised ? """
                        select i from PlanItem i join i.coOrganisers co
                         where co = :tenant and i.communityId = :community and i.year = :year
                           and i.publishedAt is not null and i.id > :after order by i.id""" : """
                        select i from PlanItem i where i.tenantId = :tenant and i.communityId = :community
                           and i.year = :year and i.position > :after order by i.position""", PlanItem.class)
                .setParameter("tenant", caller.tenantId())
                .setParameter("community", roster.community().id())
                .setParameter("year", year)
                .setParameter("after", coOrganised ? (Object) Page.longCursor(cursor, 0) : (Object) Page.intCursor(cursor))
                .setMaxResults(size + 1);
        List<PlanItemDetails> items = query.getResultList().stream().map(i -> view(roster, i)).toList();
        return Page.of(items, size, item -> String.valueOf(coOrganised ? item.id() : item.position()));
    }

    /** Where the caller's own plan for a year stands: closed with its year-end summary, or open. */
    public record MyPlan(boolean closed, String summary) {
    }

    /** The caller's own plan for {@code year} in the community (open when it has no items yet). */
    public MyPlan myPlan(CommunitySlug communitySlug, int year) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Roster roster = roster(communitySlug);
        roster.requireMember(caller.tenantId());
        return planFor(caller.tenantId(), roster.community().id(), year, false)
                .map(p -> new MyPlan(p.closed(), p.summary())).orElse(new MyPlan(false, null));
    }

    /**
     * How far the caller's tenant has got with its plan for {@code year} in each of its communities: its
     * items by status, how many are still drafts, whether the plan is published or closed, and how many
     * other members' published items it co-organises.
     */
    public record PlanProgress(String community, LocalizedName communityName, int year, OffsetDateTime publishedAt,
                               boolean closed, int items, int drafts, int planned, int inProgress, int done,
                               int cancelled, int coOrganised) {
    }

    /** The caller's plan progress for {@code year}, one entry per community its tenant belongs to. */
    public List<PlanProgress> progress(int year) {
        AccountPrincipal caller = tenantContext.requireCaller();
        return Row.list(em.createNativeQuery("""
                        select c.slug, c.name_zh, c.name_en, p.published_at, p.closed_at is not null,
                               count(i.id), count(i.id) filter (where i.published_at is null),
                               count(i.id) filter (where i.status = 'PLANNED'),
                               count(i.id) filter (where i.status = 'IN_PROGRESS'),
                               count(i.id) filter (where i.status = 'DONE'),
                               count(i.id) filter (where i.status = 'CANCELLED'),
                               (select count(*) from plan_item_co_organiser co
                                  join plan_item ci on ci.tenant_id = co.tenant_id and ci.id = co.item_id
                                 where co.co_organiser_id = m.tenant_id and ci.community_id = c.id
                                   and ci.year = ?2 and ci.published_at is not null)
                          from community_membership m
                          join community c on c.id = m.community_id
                          left join work_plan p on p.tenant_id = m.tenant_id and p.community_id = c.id and p.year = ?2
                          left join plan_item i on i.tenant_id = m.tenant_id and i.plan_id = p.id
                         where m.tenant_id = ?1
                         group by c.id, c.slug, c.name_zh, c.name_en, c.founded_in, p.published_at, p.closed_at, m.tenant_id
                         order by c.founded_in, c.slug""")
                .setParameter(1, caller.tenantId()).setParameter(2, year),
                r -> new PlanProgress(r.getString(0), new LocalizedName(r.getString(1), r.getString(2)), year,
                        r.getOffsetDateTime(3), r.getBoolean(4), r.getInt(5), r.getInt(6),
                        r.getInt(7), r.getInt(8), r.getInt(9), r.getInt(10), r.getInt(11)));
    }

    /** The years of the community that have items the caller can see (published, or its own), newest first. */
    public List<Integer> years(CommunitySlug communitySlug) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Roster roster = roster(communitySlug);
        roster.requireMember(caller.tenantId());
        return em.createQuery("""
                        select distinct i.year from PlanItem i where i.communityId = :community
                           and (i.publishedAt is not null or i.tenantId = :tenant) order by i.year desc""", Integer.class)
                .setParameter("community", roster.community().id())
                .setParameter("tenant", caller.tenantId())
                .getResultList();
    }

    /** Adds a draft item to the caller's plan for {@code year}, creating the plan when it is the first. */
    public PlanItemDetails addItem(CommunitySlug communitySlug, int year, PlanItemInput input) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        Roster roster = roster(communitySlug);
        roster.requireMember(caller.tenantId());
        WorkPlan plan = planFor(caller.tenantId(), roster.community().id(), year, true).orElseThrow();
        requireOpen(plan);
        PlanItemContent content = content(roster, input, caller.tenantId());
        Integer last = em.createQuery("select max(i.position) from PlanItem i where i.tenantId = :tenant and i.planId = :plan",
                        Integer.class)
                .setParameter("tenant", caller.tenantId()).setParameter("plan", plan.id()).getSingleResult();
        PlanItem item = new PlanItem(plan, last == null ? 1 : last + 1, content);
        em.persist(item);
        em.flush();
        audit.record("plan-item", item.id(), "create", Map.of("title", content.title()));
        return view(roster, item);
    }

    /** One item the caller may see: its own (drafts too) or a published one of its communities. */
    public PlanItemDetails item(long id) {
        tenantContext.requireCaller();
        PlanItem item = visibleItem(id);
        return view(roster(item.communityId()), item);
    }

    /**
     * Changes an item of the caller's own plan. {@code expected} is the version the caller
     * last saw; a different current version means someone changed it meanwhile (412). A status
     * change needs a progress note. Changes to published items are kept in the item's history.
     */
    public PlanItemDetails editItem(long id, IfMatch expected, PlanItemEdit edit) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        PlanItem item = em.find(PlanItem.class, new TenantRowKey(caller.tenantId(), id));
        if (item == null) {
            throw ProblemException.notFound("plan-item", id);
        }
        if (item.version() != expected.required()) {
            throw new ProblemException(412, "precondition-failed");
        }
        WorkPlan plan = em.find(WorkPlan.class, new TenantRowKey(item.tenantId(), item.planId()));
        requireOpen(plan);
        Roster roster = roster(item.communityId());
        Changes changes = item.apply(content(roster, edit.merge(item.content(), roster.slugsById()), caller.tenantId()));
        ItemStatus next = edit.parsedStatus();
        if (next != null && next != item.status()) {
            if (edit.note() == null || edit.note().isBlank()) {
                throw new ProblemException(400, "invalid-input", List.of(new FieldError("note", "validation.note-required")));
            }
            if (!item.status().canMoveTo(next)) {
                throw new ProblemException(409, "plan-item-finished", new MessageKey("plan.status." + item.status()));
            }
            changes.addAll(item.moveTo(next));
        }
        if (changes.isEmpty() && (edit.note() == null || edit.note().isBlank())) {
            return view(roster, item);
        }
        if (item.published()) {
            em.createNativeQuery("""
                            insert into plan_item_change (tenant_id, item_id, changed_by, note, changes)
                            values (?1, ?2, ?3, ?4, cast(?5 as jsonb))""")
                    .setParameter(1, caller.tenantId()).setParameter(2, item.id()).setParameter(3, caller.username())
                    .setParameter(4, edit.note()).setParameter(5, JSON.toJson(changes.asMap()))
                    .executeUpdate();
        }
        em.flush();
        em.refresh(item); // the version the database now holds, for the caller's next If-Match
        audit.record("plan-item", item.id(), "update", changes.asMap());
        return view(roster, item);
    }

    /** The history of a published item (or of one's own item): what changed, who, when, why. */
    public Page<PlanItemChange> history(long id, String cursor, Integer limit) {
        tenantContext.requireCaller();
        PlanItem item = visibleItem(id);
        int size = Page.limit(limit);
        List<PlanItemChange> changes = Row.list(em.createNativeQuery("""
                        select id, changed_at, changed_by, note, changes::text from plan_item_change
                         where tenant_id = ?1 and item_id = ?2 and id > ?3 order by id""")
                .setParameter(1, item.tenantId()).setParameter(2, item.id()).setParameter(3, Page.longCursor(cursor, 0))
                .setMaxResults(size + 1), PlanItemChange::of);
        return Page.of(changes, size, c -> String.valueOf(c.id()));
    }

    /** Publishes the caller's plan for {@code year}: every draft item becomes visible to the community. */
    public int publish(CommunitySlug communitySlug, int year) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        Roster roster = roster(communitySlug);
        roster.requireMember(caller.tenantId());
        WorkPlan plan = planFor(caller.tenantId(), roster.community().id(), year, false)
                .orElseThrow(() -> ProblemException.notFound("work-plan", communitySlug.value() + "/" + year));
        requireOpen(plan);
        int published = publishDrafts(plan, OffsetDateTime.now());
        audit.record("work-plan", plan.id(), "publish", Map.of("items", published));
        return published;
    }

    private int publishDrafts(WorkPlan plan, OffsetDateTime now) {
        plan.publish(now);
        List<PlanItem> drafts = em.createQuery("""
                        select i from PlanItem i where i.tenantId = :tenant and i.planId = :plan
                           and i.publishedAt is null""", PlanItem.class)
                .setParameter("tenant", plan.tenantId()).setParameter("plan", plan.id()).getResultList();
        drafts.forEach(i -> i.publish(now));
        em.flush();
        return drafts.size();
    }

    /** Closes the caller's plan with its year-end summary (年度总结); a closed plan no longer changes. */
    public void close(CommunitySlug communitySlug, int year, String summary) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        Roster roster = roster(communitySlug);
        roster.requireMember(caller.tenantId()); // a tenant outside the community learns nothing of it, not even a validation rule
        if (summary == null || summary.isBlank()) {
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("summary", "validation.required")));
        }
        WorkPlan plan = planFor(caller.tenantId(), roster.community().id(), year, false)
                .orElseThrow(() -> ProblemException.notFound("work-plan", communitySlug.value() + "/" + year));
        requireOpen(plan);
        OffsetDateTime now = OffsetDateTime.now();
        publishDrafts(plan, now);
        plan.close(summary.trim(), now);
        em.flush();
        audit.record("work-plan", plan.id(), "close", Map.of("summary", summary.trim()));
    }

    /**
     * The community's combined plan table for {@code year}: every member's published items, grouped
     * by member in roster order (founding members first), plus the caller's own drafts; members
     * without items are listed too. Filters are optional (category, month, member, status). For the
     * whole table at once: a screen or a small community; {@link #table} pages through any size.
     */
    public CombinedPlan combined(CommunitySlug communitySlug, int year, PlanTable.Filter filter) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Roster roster = roster(communitySlug);
        roster.requireMember(caller.tenantId());
        Map<String, List<PlanItemDetails>> byMember = new HashMap<>();
        PlanTable.Key after = PlanTable.Key.START;
        List<PlanTable.Keyed> fetched;
        do {
            fetched = fetch(roster.community().id(), communitySlug.value(), year, filter, after, PlanTable.EXPORT_PAGE);
            for (PlanTable.Keyed k : fetched) {
                byMember.computeIfAbsent(k.row().member(), m -> new ArrayList<>()).add(k.row().item());
            }
            after = fetched.isEmpty() ? after : fetched.get(fetched.size() - 1).key();
        } while (fetched.size() == PlanTable.EXPORT_PAGE);
        List<CombinedPlan.MemberPlan> members = roster.members().stream()
                .filter(m -> filter.member() == null || filter.member().equals(m.tenant().slug().value()))
                .map(m -> new CombinedPlan.MemberPlan(m.tenant().slug().value(), m.tenant().name(), m.role(),
                        byMember.getOrDefault(m.tenant().slug().value(), List.of())))
                .toList();
        return new CombinedPlan(communitySlug.value(), roster.community().name(), year, members);
    }

    /**
     * One page of the combined plan table: up to {@code limit} rows (1..{@value PlanTable#EXPORT_PAGE})
     * after {@code cursor}, in the order of {@link #combined}, with the same filters, in a single
     * query whatever the size of the community (the roster is not read).
     */
    public Page<PlanTable.Row> table(CommunitySlug communitySlug, int year, PlanTable.Filter filter, String cursor,
                                     int limit) {
        if (limit < 1 || limit > PlanTable.EXPORT_PAGE) {
            throw new IllegalArgumentException("limit " + limit);
        }
        AccountPrincipal caller = tenantContext.requireCaller();
        Community community = directory.find(communitySlug);
        directory.requireMember(community, caller.tenantId());
        return PlanTable.page(fetch(community.id(), communitySlug.value(), year, filter, PlanTable.Key.parse(cursor),
                limit + 1), limit);
    }

    /** How many items {@link #table} gives in all with {@code filter}, and from how many members (one query). */
    public PlanTable.Count tableCount(CommunitySlug communitySlug, int year, PlanTable.Filter filter) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Community community = directory.find(communitySlug);
        directory.requireMember(community, caller.tenantId());
        var query = tableQuery(PlanTable.COUNT_SQL, community.id(), year, filter, PlanTable.Key.START, null);
        return query == null ? new PlanTable.Count(0, 0)
                : Row.single(query, r -> new PlanTable.Count(r.getInt(0), r.getInt(1)));
    }

    private List<PlanTable.Keyed> fetch(long communityId, String community, int year, PlanTable.Filter filter,
                                        PlanTable.Key after, int rows) {
        var query = tableQuery(PlanTable.SQL, communityId, year, filter, after, rows);
        return query == null ? List.of() : Row.list(query, r -> PlanTable.Keyed.of(r, community, year));
    }

    /** {@code sql} (the table or its count) with its parameters; null when the filter names no tenant that exists. */
    private jakarta.persistence.Query tableQuery(String sql, long communityId, int year, PlanTable.Filter filter,
                                                 PlanTable.Key after, Integer rows) {
        Long member = null;
        if (filter.member() != null) {
            Optional<Long> id = Row.first(em.createNativeQuery("select id from tenant where slug = ?1")
                    .setParameter(1, filter.member()), r -> r.getLong(0));
            if (id.isEmpty()) {
                return null;
            }
            member = id.get();
        }
        return em.createNativeQuery(sql)
                .setParameter(1, communityId)
                .setParameter(2, year)
                .setParameter(3, tenantContext.requireCaller().tenantId())
                .setParameter(4, filter.category() == null ? null : filter.category().name())
                .setParameter(5, filter.month())
                .setParameter(6, member)
                .setParameter(7, filter.status() == null ? null : filter.status().name())
                .setParameter(8, after.rank())
                .setParameter(9, after.rosterPosition())
                .setParameter(10, after.position())
                .setParameter(11, after.id())
                .setParameter(12, rows);
    }

    // --- helpers --------------------------------------------------------------------------------

    private PlanItem visibleItem(long id) {
        // row-level security narrows this to the caller's own items and published items of its communities
        return em.createQuery("select i from PlanItem i where i.id = :id", PlanItem.class)
                .setParameter("id", id)
                .getResultStream()
                .filter(i -> i.published() || i.tenantId() == tenantContext.requireCaller().tenantId())
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("plan-item", id));
    }

    private Optional<WorkPlan> planFor(long tenantId, long communityId, int year, boolean create) {
        if (year < 2000 || year > 2200) {
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("year", "validation.year")));
        }
        Optional<WorkPlan> existing = em.createQuery("""
                        select p from WorkPlan p where p.tenantId = :tenant and p.communityId = :community
                           and p.year = :year""", WorkPlan.class)
                .setParameter("tenant", tenantId).setParameter("community", communityId).setParameter("year", year)
                .getResultStream().findFirst();
        if (existing.isPresent() || !create) {
            return existing;
        }
        WorkPlan plan = new WorkPlan(tenantId, communityId, year);
        em.persist(plan);
        em.flush();
        return Optional.of(plan);
    }

    private static void requireOpen(WorkPlan plan) {
        if (plan.closed()) {
            throw new ProblemException(409, "work-plan-closed", plan.year());
        }
    }

    private Roster roster(CommunitySlug slug) {
        return directory.roster(slug);
    }

    private Roster roster(long communityId) {
        return directory.roster(communityId);
    }

    /** Validated content: co-organisers must be other members of the item's community. */
    private static PlanItemContent content(Roster roster, PlanItemInput input, long ownTenant) {
        Map<String, Long> ids = roster.idsBySlug();
        List<FieldError> errors = new ArrayList<>(input.errors());
        Set<Long> coOrganisers = new java.util.TreeSet<>();
        for (String slug : input.coOrganisers()) {
            Long id = ids.get(slug);
            if (id == null) {
                errors.add(new FieldError("coOrganisers", "validation.not-a-member", slug));
            } else if (id == ownTenant) {
                errors.add(new FieldError("coOrganisers", "validation.own-tenant", slug));
            } else {
                coOrganisers.add(id);
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-input", errors);
        }
        return input.toContent(coOrganisers);
    }

    private static PlanItemDetails view(Roster roster, PlanItem item) {
        return PlanItemDetails.of(item, roster.slugsById(), roster.community().slug().value());
    }
}
