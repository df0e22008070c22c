package org.educommons.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.educommons.identity.AccountPrincipal;
import org.educommons.identity.Role;
import org.educommons.platform.api.Page;
import org.educommons.platform.audit.AuditTrail;
import org.educommons.platform.outbox.Outbox;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.Roster;
import org.educommons.tenancy.TenantContext;
import org.educommons.tenancy.TenantTransactional;

/**
 * Proposing joint activities and reading them: a member's admin proposes one with other organising
 * members, its schools, linked plan items and school pairs; members list the activities they may
 * see and the community's school pairs. Who sees an activity — its organisers, and once confirmed
 * the whole community — is row-level security's decision ({@code activity_visible}).
 */
@ApplicationScoped
@TenantTransactional
public class ActivityProposals {

    @Inject
    TenantContext tenantContext;

    @Inject
    CommunityDirectory directory;

    @Inject
    ActivityRepository repository;

    @Inject
    ActivityAssembler assembler;

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
    public ActivityDetails propose(CommunitySlug communitySlug, ActivityInput input) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        Roster roster = directory.roster(communitySlug);
        roster.requireMember(caller.tenantId());
        Map<String, Long> members = roster.idsBySlug();
        List<FieldError> errors = new ArrayList<>(input.errors());
        Map<Long, String> parts = parts(input, caller.tenantId(), members, errors);
        Set<Long> schoolIds = new LinkedHashSet<>(input.schools());
        input.pairings().forEach(p -> {
            if (p.supportingSchool() != null && p.supportedSchool() != null) {
                schoolIds.add(p.supportingSchool());
                schoolIds.add(p.supportedSchool());
            }
        });
        Map<Long, ActivityDetails.School> schools = repository.schools(schoolIds, roster);
        for (Long id : schoolIds) {
            ActivityDetails.School school = schools.get(id);
            if (school == null || !parts.containsKey(members.get(school.tenant()))) {
                errors.add(new FieldError("schools", "validation.activity.school", id));
            }
        }
        for (ActivityInput.Pairing p : input.pairings()) {
            ActivityDetails.School supporting = schools.get(p.supportingSchool());
            ActivityDetails.School supported = schools.get(p.supportedSchool());
            if (supporting != null && supported != null && supporting.tenant().equals(supported.tenant())) {
                errors.add(new FieldError("pairings", "validation.activity.pairing-across", supporting.name(), supported.name()));
            }
        }
        Map<Long, Long> itemTenants = repository.planItemTenants(input.planItems(), roster.community().id());
        for (Long item : input.planItems()) {
            if (!parts.containsKey(itemTenants.get(item))) {
                errors.add(new FieldError("planItems", "validation.activity.plan-item", item));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-input", errors);
        }

        Activity activity = new Activity(caller.tenantId(), roster.community().id(), input, caller.username());
        repository.add(activity);
        long owner = caller.tenantId();
        parts.forEach((tenant, part) -> repository.addOrganiser(activity, tenant, part, tenant == owner, caller.username()));
        schoolIds.forEach(id -> repository.addSchool(activity, members.get(schools.get(id).tenant()), id));
        input.planItems().forEach(item -> repository.addPlanItem(activity, itemTenants.get(item), item));
        input.pairings().forEach(p -> repository.addPairing(activity, members.get(schools.get(p.supportingSchool()).tenant()), p,
                members.get(schools.get(p.supportedSchool()).tenant())));
        String proposerName = roster.nameOf(owner);
        parts.forEach((tenant, part) -> {
            if (tenant != owner) {
                outbox.notifyAdmins(tenant, "notify.activity.proposed", activity.title(), proposerName,
                        activity.startsOn(), activity.endsOn(), part == null ? "—" : part);
            }
        });
        audit.record("activity", activity.id(), "propose", Map.of("title", activity.title(), "type", activity.type().name(),
                "organisers", parts.keySet().stream().map(roster::slugOf).toList()));
        return assembler.details(List.of(activity), roster).get(0);
    }

    /** Organising member → its part (null: none said), the proposer first; unknown members are errors. */
    private static Map<Long, String> parts(ActivityInput input, long proposer, Map<String, Long> members, List<FieldError> errors) {
        Map<Long, String> parts = new LinkedHashMap<>();
        parts.put(proposer, null);
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
        return parts;
    }

    /** Activities of a community the caller may see, by id, a page at a time. */
    public Page<ActivityDetails> activities(CommunitySlug communitySlug, Filter filter, String cursor, Integer limit) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Roster roster = directory.roster(communitySlug);
        roster.requireMember(caller.tenantId());
        int size = Page.limit(limit);
        List<Activity> page = repository.ofCommunity(roster.community().id(), filter.type(), filter.status(),
                Page.longCursor(cursor, 0), size + 1);
        return Page.of(assembler.details(page, roster), size, a -> String.valueOf(a.id()));
    }

    /** An activity on a calendar: what, which days, and whether it still takes place. */
    public record Dated(long id, String title, ActivityType type, LocalDate startsOn, LocalDate endsOn, String description,
                        ActivityStatus status) {
    }

    /** The community's activities the caller can see (row-level security decides), by first day. */
    public List<Dated> calendar(CommunitySlug communitySlug) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Roster roster = directory.roster(communitySlug);
        roster.requireMember(caller.tenantId());
        return repository.ofCommunityByStart(roster.community().id()).stream()
                .map(a -> new Dated(a.id(), a.title(), a.type(), a.startsOn(), a.endsOn(), a.description(), a.status()))
                .toList();
    }

    public ActivityDetails activity(long id) {
        tenantContext.requireCaller();
        return assembler.details(repository.visible(id));
    }

    /**
     * School pairs (结对帮扶) of the community's confirmed and finished activities by id, a page at a
     * time, optionally only those of one member ({@code tenant}) or in force on {@code activeOn}.
     */
    public Page<ActivityDetails.Pairing> pairings(CommunitySlug communitySlug, String tenant, LocalDate activeOn, String cursor,
                                                  Integer limit) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Roster roster = directory.roster(communitySlug);
        roster.requireMember(caller.tenantId());
        Long member = tenant == null || tenant.isBlank() ? null : roster.idsBySlug().get(tenant.trim());
        if (tenant != null && !tenant.isBlank() && member == null) {
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("tenant", "validation.not-a-member", tenant)));
        }
        int size = Page.limit(limit);
        return Page.of(repository.pairings(roster.community().id(), member, activeOn, Page.longCursor(cursor, 0), size + 1),
                size, p -> String.valueOf(p.id()));
    }
}
