package org.educommons.forum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.educommons.identity.AccountPrincipal;
import org.educommons.identity.Role;
import org.educommons.platform.api.IfMatch;
import org.educommons.platform.api.Page;
import org.educommons.platform.audit.AuditTrail;
import org.educommons.platform.audit.Changes;
import org.educommons.platform.outbox.Outbox;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.Roster;
import org.educommons.tenancy.TenantContext;
import org.educommons.tenancy.TenantTransactional;

/**
 * Hosting forums: a member's admin hosts one in its community and changes it; members list and read
 * them. Seats that a change frees go to the waitlist in order, decided by the database.
 */
@ApplicationScoped
@TenantTransactional
public class ForumHosting {

    @Inject
    TenantContext tenantContext;

    @Inject
    CommunityDirectory directory;

    @Inject
    ForumRepository repository;

    @Inject
    ForumAccess access;

    @Inject
    ForumAssembler assembler;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    /** A tenant admin of a member hosts a forum in the community. */
    public ForumDetails host(CommunitySlug communitySlug, ForumInput input) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        Roster roster = directory.roster(communitySlug);
        roster.requireMember(caller.tenantId());
        requireValid(errors(input, caller.tenantId(), roster));
        Forum forum = new Forum(caller.tenantId(), roster.community().id(), input, input.planItem());
        repository.add(forum);
        input.quotas().forEach((member, seats) -> repository.addQuota(forum, roster.idsBySlug().get(member), seats));
        input.agenda().forEach(session -> repository.addSession(forum, session));
        audit.record("forum", forum.id(), "create", Map.of("title", forum.title(), "capacity", forum.capacity()));
        return assembler.details(forum, caller, roster);
    }

    /** Forums of a community, by id, a page at a time. */
    public Page<ForumDetails> forums(CommunitySlug communitySlug, String cursor, Integer limit) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Roster roster = directory.roster(communitySlug);
        roster.requireMember(caller.tenantId());
        int size = Page.limit(limit);
        List<ForumDetails> forums = assembler.details(
                repository.ofCommunity(roster.community().id(), Page.longCursor(cursor, 0), size + 1), caller, roster);
        return Page.of(forums, size, f -> String.valueOf(f.id()));
    }

    /** A community's calendar: its name and every forum the caller can see, by start. */
    public record Calendar(String name, List<ForumDetails> forums) {
    }

    /** The calendar, named in {@code locale}'s language (Chinese unless English is asked for). */
    public Calendar calendar(CommunitySlug communitySlug, java.util.Locale locale) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Roster roster = directory.roster(communitySlug);
        roster.requireMember(caller.tenantId());
        List<ForumDetails> forums = assembler.details(repository.ofCommunityByStart(roster.community().id()), caller, roster);
        return new Calendar(roster.community().name().in(locale), forums);
    }

    public ForumDetails forum(long id) {
        AccountPrincipal caller = tenantContext.requireCaller(); // 401 before anything is looked up
        return assembler.details(repository.visible(id), caller);
    }

    /**
     * The host changes its forum, having seen version {@code expected} (428 without one, 412 otherwise). More
     * seats go to the waitlist in order (and those people are told); fewer seats than are confirmed
     * is 409; the agenda must still fit the forum's times.
     */
    public ForumDetails edit(long forumId, IfMatch expected, ForumEdit edit) {
        Forum forum = access.hosted(forumId);
        if (forum.version() != expected.required()) {
            throw new ProblemException(412, "precondition-failed");
        }
        AccountPrincipal caller = tenantContext.requireCaller();
        Roster roster = directory.roster(forum.communityId());
        ForumDetails before = assembler.details(forum, caller, roster);
        ForumInput merged = edit.merge(forum, before.quotas());
        List<FieldError> errors = errors(merged, caller.tenantId(), roster);
        for (SessionDetails session : before.agenda()) {
            if (merged.startsAt() != null && merged.endsAt() != null
                    && (session.startsAt().isBefore(merged.startsAt()) || session.endsAt().isAfter(merged.endsAt()))) {
                errors.add(new FieldError("startsAt", "validation.forum.session-outside", session.title()));
            }
        }
        requireValid(errors);
        List<ForumRepository.Promotion> promoted = new ArrayList<>();
        if (merged.capacity() != forum.capacity()) {
            ForumRepository.Reshare resized = repository.resize(forum, merged.capacity());
            if (resized.belowConfirmed()) {
                throw new ProblemException(409, "capacity-below-confirmed", forum.capacity() - before.seatsLeft());
            }
            promoted.addAll(resized.promoted());
        }
        Changes changes = new Changes();
        if (!merged.quotas().equals(before.quotas())) {
            promoted.addAll(shareOut(forum, merged.quotas(), roster));
            changes.put("quotas", new TreeMap<>(before.quotas()), new TreeMap<>(merged.quotas()));
        }
        changes.addAll(forum.apply(merged));
        repository.save(forum);
        audit.record("forum", forum.id(), "update", changes.asMap());
        for (ForumRepository.Promotion p : promoted) {
            outbox.notify(p.recipient(), "notify.registration.promoted", forum.title(), forum.when(), forum.venue(), p.name());
        }
        return assembler.details(forum, caller, roster);
    }

    /** Replaces the forum's quotas; returns who moved up. A member given fewer seats than it has confirmed is 409. */
    private List<ForumRepository.Promotion> shareOut(Forum forum, Map<String, Integer> quotas, Roster roster) {
        Map<Long, Integer> byTenant = new LinkedHashMap<>();
        quotas.forEach((member, seats) -> byTenant.put(roster.idsBySlug().get(member), seats));
        ForumRepository.Reshare shared = repository.setQuotas(forum, byTenant);
        if (shared.belowConfirmed()) {
            var member = roster.member(shared.memberBelow()).orElseThrow();
            throw new ProblemException(409, "quota-below-confirmed", member.tenant().name(),
                    quotas.get(member.tenant().slug().value()));
        }
        return shared.promoted();
    }

    /**
     * Everything wrong with a forum as hosted or edited: its own rules, plus quotas only for
     * members and a plan item only of the host's own plan in this community.
     */
    private List<FieldError> errors(ForumInput input, long host, Roster roster) {
        List<FieldError> errors = new ArrayList<>(input.errors());
        input.quotas().keySet().stream().filter(m -> roster.member(m).isEmpty())
                .forEach(m -> errors.add(new FieldError("quotas", "validation.not-a-member", m)));
        if (input.planItem() != null && !repository.isOwnPlanItem(host, input.planItem(), roster.community().id())) {
            errors.add(new FieldError("planItem", "validation.forum.plan-item"));
        }
        return errors;
    }

    private static void requireValid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-input", errors);
        }
    }
}
