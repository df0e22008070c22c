package org.educommons.forum;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.educommons.platform.api.IfMatch;
import org.educommons.identity.Account;
import org.educommons.identity.AccountPrincipal;
import org.educommons.identity.Role;
import org.educommons.platform.api.Page;
import org.educommons.platform.audit.AuditTrail;
import org.educommons.platform.database.SqlValues;
import org.educommons.platform.i18n.BeijingTime;
import org.educommons.platform.outbox.Outbox;
import org.educommons.platform.outbox.Recipient;
import org.educommons.platform.problem.ProblemException;
import org.educommons.platform.problem.ProblemException.FieldError;
import org.educommons.tenancy.Community;
import org.educommons.tenancy.CommunityDirectory;
import org.educommons.tenancy.CommunitySlug;
import org.educommons.tenancy.Membership;
import org.educommons.tenancy.TenantContext;
import org.educommons.tenancy.TenantTransactional;

/**
 * Hosting forums and registering for them. Who may do what, and when, is decided here; seats,
 * quotas, the waitlist and "one registration per person" are decided by PostgreSQL under a lock on
 * the forum ({@code forum_register}, {@code forum_cancel}), so parallel requests cannot overbook.
 */
@ApplicationScoped
@TenantTransactional
public class Forums {

    /** Stands for the promoted person's name in a message the database completes (see forum_cancel). */
    private static final String PROMOTED_PERSON = "\u2063promoted-person\u2063";

    private static final Jsonb JSON = JsonbBuilder.create();

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

    /** A tenant admin of a member hosts a forum in the community. */
    public ForumView host(CommunitySlug communitySlug, ForumInput input) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        Community community = directory.find(communitySlug);
        Map<String, Long> members = members(community);
        if (!members.containsValue(caller.tenantId())) {
            throw ProblemException.forbidden();
        }
        List<FieldError> errors = errors(input, caller.tenantId(), community, members);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-input", errors);
        }
        Forum forum = new Forum(caller.tenantId(), community.id(), input, input.planItem());
        em.persist(forum);
        em.flush();
        input.quotas().forEach((member, seats) -> em.createNativeQuery(
                        "insert into forum_quota (tenant_id, forum_id, member_tenant_id, seats) values (?1, ?2, ?3, ?4)")
                .setParameter(1, caller.tenantId()).setParameter(2, forum.id())
                .setParameter(3, members.get(member)).setParameter(4, seats)
                .executeUpdate());
        input.agenda().forEach(session -> insertSession(forum, session));
        audit.record("forum", forum.id(), "create", Map.of("title", forum.title(), "capacity", forum.capacity()));
        return view(forum, caller);
    }

    /**
     * Everything wrong with a forum as hosted or edited: its own rules, plus quotas only for
     * members and a plan item only of the host's own plan in this community.
     */
    private List<FieldError> errors(ForumInput input, long host, Community community, Map<String, Long> members) {
        List<FieldError> errors = new ArrayList<>(input.errors());
        input.quotas().keySet().stream().filter(m -> !members.containsKey(m))
                .forEach(m -> errors.add(new FieldError("quotas", "validation.not-a-member", m)));
        if (input.planItem() != null && em.createNativeQuery(
                        "select 1 from plan_item where tenant_id = ?1 and id = ?2 and community_id = ?3")
                .setParameter(1, host).setParameter(2, input.planItem()).setParameter(3, community.id())
                .getResultList().isEmpty()) {
            errors.add(new FieldError("planItem", "validation.forum.plan-item"));
        }
        return errors;
    }

    /** Forums of a community, by id, a page at a time. */
    public Page<ForumView> forums(CommunitySlug communitySlug, String cursor, Integer limit) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Community community = directory.find(communitySlug);
        if (!members(community).containsValue(caller.tenantId())) {
            throw ProblemException.forbidden();
        }
        int size = Page.limit(limit);
        List<ForumView> forums = em.createQuery("""
                        select f from Forum f where f.communityId = :community and f.id > :after order by f.id""", Forum.class)
                .setParameter("community", community.id())
                .setParameter("after", Page.longCursor(cursor, 0))
                .setMaxResults(size + 1)
                .getResultList().stream().map(f -> view(f, caller)).toList();
        return Page.of(forums, size, f -> String.valueOf(f.id()));
    }

    /** A community's calendar: its name and every forum the caller can see, by start. */
    public record Calendar(String name, List<ForumView> forums) {
    }

    public Calendar calendar(CommunitySlug communitySlug) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Community community = directory.find(communitySlug);
        if (!members(community).containsValue(caller.tenantId())) {
            throw ProblemException.forbidden();
        }
        List<ForumView> forums = em.createQuery(
                        "select f from Forum f where f.communityId = :community order by f.startsAt, f.id", Forum.class)
                .setParameter("community", community.id())
                .getResultList().stream().map(f -> view(f, caller)).toList();
        return new Calendar(community.name().zh(), forums);
    }

    public ForumView forum(long id) {
        AccountPrincipal caller = tenantContext.requireCaller();
        return view(visibleForum(id), caller);
    }

    /**
     * Registers the calling principal, or — for a tenant admin — one of the tenant's principals
     * named by {@code username}. A repeated request returns the existing registration.
     *
     * @return the registration and whether it was created now
     */
    public Registered register(long forumId, String username) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Forum forum = visibleForum(forumId);
        Account person = person(caller, username);
        if (!forum.registrationOpenAt(OffsetDateTime.now())) {
            throw new ProblemException(409, "registration-closed", forum.title());
        }
        Object[] row = (Object[]) em.createNativeQuery(
                        "select registration_id, status, created from forum_register(?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id())
                .setParameter(3, caller.tenantId()).setParameter(4, person.id())
                .setParameter(5, caller.username())
                .getSingleResult();
        long id = ((Number) row[0]).longValue();
        boolean created = (Boolean) row[2];
        RegistrationView registration = registration(forum, id);
        if (created) {
            audit.record("forum-registration", id, "create",
                    Map.of("forum", forum.id(), "person", person.username(), "status", row[1]));
            outbox.notify(Recipient.account(person.tenantId(), person.id(), person.email()),
                    "notify.registration." + registration.status(), forum.title(), when(forum),
                    forum.venue(), registration.status() == RegistrationStatus.WAITLISTED
                            ? String.valueOf(registration.position()) : String.valueOf(registration.checkInCode()));
        }
        return new Registered(registration, created);
    }

    /** A registration and whether this request created it. */
    public record Registered(RegistrationView registration, boolean created) {
    }

    /**
     * Cancels a registration: the person themselves, an admin of their tenant, or the host. A freed
     * seat goes to the first waitlisted person whose member still has quota.
     */
    public RegistrationView cancel(long forumId, long registrationId) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Forum forum = visibleForum(forumId);
        RegistrationView registration = registration(forum, registrationId);
        boolean mine = registration.person().equals(caller.username());
        boolean host = forum.hostTenantId() == caller.tenantId() && caller.has(Role.TENANT_ADMIN);
        boolean ownTenantAdmin = caller.has(Role.TENANT_ADMIN) && registrantTenant(registrationId) == caller.tenantId();
        if (!mine && !host && !ownTenantAdmin) {
            throw ProblemException.forbidden();
        }
        if (registration.status() == RegistrationStatus.CANCELLED || registration.status() == RegistrationStatus.REJECTED) {
            return registration; // nothing left to cancel
        }
        Recipient cancelledPerson = registrant(forum, registrationId);
        // who moves up may be another member's person: the database tells them, the caller never learns who
        Outbox.Rendered promotedMessage = Outbox.render("notify.registration.promoted", forum.title(), when(forum),
                forum.venue(), PROMOTED_PERSON);
        @SuppressWarnings("unchecked")
        List<Object> promoted = em.createNativeQuery(
                        "select promoted_id from forum_cancel(?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), ?7)")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).setParameter(3, registrationId)
                .setParameter(4, promotedMessage.subject()).setParameter(5, promotedMessage.body())
                .setParameter(6, promotedMessage.argsJson()).setParameter(7, PROMOTED_PERSON)
                .getResultList();
        RegistrationView cancelled = registration(forum, registrationId);
        audit.record("forum-registration", registrationId, "cancel",
                Map.of("forum", forum.id(), "promoted", promoted.stream().map(String::valueOf).toList()));
        outbox.notify(cancelledPerson, "notify.registration.cancelled", forum.title(), when(forum), forum.venue());
        return cancelled;
    }

    /**
     * Registrations of a forum as the caller may see them, by id, a page at a time: the host all,
     * a member's admin its own people's, a principal their own.
     */
    public Page<RegistrationView> registrations(long forumId, String cursor, Integer limit) {
        int size = Page.limit(limit);
        return Page.of(registrations(forumId, Page.longCursor(cursor, 0), size + 1), size, r -> String.valueOf(r.id()));
    }

    /** All registrations of a forum the caller may see (for exports). */
    public List<RegistrationView> allRegistrations(long forumId) {
        return registrations(forumId, 0, Integer.MAX_VALUE);
    }

    private List<RegistrationView> registrations(long forumId, long after, int max) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Forum forum = visibleForum(forumId);
        boolean admin = caller.has(Role.TENANT_ADMIN);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(REGISTRATION_COLUMNS + """

                         where r.tenant_id = ?1 and r.forum_id = ?2 and (?3 or r.person_username = ?4) and r.id > ?5
                         order by r.id""")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id())
                .setParameter(3, admin).setParameter(4, caller.username()).setParameter(5, after)
                .setMaxResults(max)
                .getResultList();
        return rows.stream().map(r -> toView(forum, r)).toList();
    }

    /**
     * The host decides on a registration that awaits approval: approved, it takes a seat when one is
     * left (else the waitlist); rejected, it ends. Deciding twice is 409.
     */
    public RegistrationView decide(long forumId, long registrationId, String decision) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        Forum forum = visibleForum(forumId);
        if (forum.hostTenantId() != caller.tenantId()) {
            throw ProblemException.forbidden();
        }
        String verdict = decision == null ? "" : decision.trim();
        if (!verdict.equals("APPROVED") && !verdict.equals("REJECTED")) {
            throw new ProblemException(400, "invalid-input",
                    List.of(new FieldError("decision", "validation.one-of", "[APPROVED, REJECTED]")));
        }
        boolean approve = verdict.equals("APPROVED");
        RegistrationView before = registration(forum, registrationId);
        @SuppressWarnings("unchecked")
        List<Object[]> decided = em.createNativeQuery("select status, person_email from forum_decide(?1, ?2, ?3, ?4)")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).setParameter(3, registrationId)
                .setParameter(4, approve).getResultList();
        if (decided.isEmpty()) {
            throw new ProblemException(409, "registration-decided", before.person());
        }
        RegistrationView after = registration(forum, registrationId);
        audit.record("forum-registration", registrationId, approve ? "approve" : "reject",
                Map.of("forum", forum.id(), "status", List.of(before.status().name(), after.status().name())));
        outbox.notify(registrant(forum, registrationId), "notify.registration." + after.status(), forum.title(), when(forum),
                forum.venue(), after.status() == RegistrationStatus.WAITLISTED ? String.valueOf(after.position())
                        : String.valueOf(after.checkInCode()));
        return after;
    }

    /**
     * The host checks a person in by the code of their confirmed registration; a code is accepted
     * once (409 the second time), an unknown code is 404.
     */
    public RegistrationView checkIn(long forumId, String code) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        Forum forum = visibleForum(forumId);
        if (forum.hostTenantId() != caller.tenantId()) {
            throw ProblemException.forbidden();
        }
        if (code == null || code.isBlank()) {
            throw new ProblemException(400, "invalid-input", List.of(new FieldError("code", "validation.required")));
        }
        Object[] row = (Object[]) em.createNativeQuery("select outcome, registration_id, checked_in_at from forum_check_in(?1, ?2, ?3)")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).setParameter(3, code)
                .getSingleResult();
        switch ((String) row[0]) {
            case "CHECKED_IN" -> {
                long id = ((Number) row[1]).longValue();
                audit.record("forum-registration", id, "check-in", Map.of("forum", forum.id()));
                return registration(forum, id);
            }
            case "ALREADY" -> throw new ProblemException(409, "already-checked-in",
                    BeijingTime.seconds(SqlValues.offsetDateTime(row[2])));
            default -> throw new ProblemException(404, "unknown-check-in-code");
        }
    }

    /** The check-in code of a confirmed registration the caller may see, as a QR code (PNG). */
    public byte[] checkInQr(long forumId, long registrationId) {
        tenantContext.requireCaller();
        RegistrationView registration = allRegistrations(forumId).stream()
                .filter(r -> r.id() == registrationId && r.checkInCode() != null)
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("registration", registrationId));
        return CheckInCodes.png(registration.checkInCode());
    }

    /**
     * The host changes its forum, having seen version {@code expected} (428 without one, 412 otherwise). More
     * seats go to the waitlist in order (and those people are told); fewer seats than are confirmed
     * is 409; the agenda must still fit the forum's times.
     */
    public ForumView edit(long forumId, IfMatch expected, ForumEdit edit) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        Forum forum = visibleForum(forumId);
        if (forum.hostTenantId() != caller.tenantId()) {
            throw ProblemException.forbidden();
        }
        if (forum.version() != expected.required()) {
            throw new ProblemException(412, "precondition-failed");
        }
        ForumView before = view(forum, caller);
        ForumInput merged = edit.merge(forum, before.quotas());
        Community community = em.find(Community.class, forum.communityId());
        Map<String, Long> members = members(community);
        List<FieldError> errors = errors(merged, caller.tenantId(), community, members);
        for (SessionView session : before.agenda()) {
            if (merged.startsAt() != null && merged.endsAt() != null
                    && (session.startsAt().isBefore(merged.startsAt()) || session.endsAt().isAfter(merged.endsAt()))) {
                errors.add(new FieldError("startsAt", "validation.forum.session-outside", session.title()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-input", errors);
        }
        List<Object[]> promoted = List.of();
        if (merged.capacity() != forum.capacity()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select outcome, promoted_email, promoted_name, promoted_tenant, promoted_account
                              from forum_resize(?1, ?2, ?3)""")
                    .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).setParameter(3, merged.capacity())
                    .getResultList();
            if ("BELOW_CONFIRMED".equals(rows.get(0)[0])) {
                throw new ProblemException(409, "capacity-below-confirmed", forum.capacity() - before.seatsLeft());
            }
            promoted = rows.stream().filter(r -> "PROMOTED".equals(r[0])).toList();
        }
        boolean quotasChanged = !merged.quotas().equals(before.quotas());
        if (quotasChanged) {
            promoted = new ArrayList<>(promoted);
            promoted.addAll(shareOut(forum, merged.quotas(), members));
        }
        Map<String, List<Object>> changes = forum.apply(merged);
        if (quotasChanged) {
            changes.put("quotas", List.of(new java.util.TreeMap<>(before.quotas()).toString(),
                    new java.util.TreeMap<>(merged.quotas()).toString()));
        }
        em.flush();
        em.refresh(forum); // the version the database now holds, for the caller's next If-Match
        audit.record("forum", forum.id(), "update", changes);
        for (Object[] p : promoted) {
            outbox.notify(Recipient.account(((Number) p[3]).longValue(), ((Number) p[4]).longValue(), (String) p[1]),
                    "notify.registration.promoted", forum.title(), when(forum), forum.venue(), p[2]);
        }
        return view(forum, caller);
    }

    /**
     * Replaces the forum's quotas under its lock; returns who moved up from the waitlist, in the
     * columns of {@code forum_resize}. A member given fewer seats than it has confirmed is 409.
     */
    private List<Object[]> shareOut(Forum forum, Map<String, Integer> quotas, Map<String, Long> members) {
        Map<String, Integer> byTenant = new LinkedHashMap<>();
        quotas.forEach((member, seats) -> byTenant.put(String.valueOf(members.get(member)), seats));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select outcome, promoted_email, promoted_name, promoted_tenant, promoted_account, member_tenant
                          from forum_set_quotas(?1, ?2, cast(?3 as jsonb))""")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).setParameter(3, JSON.toJson(byTenant))
                .getResultList();
        if ("BELOW_CONFIRMED".equals(rows.get(0)[0])) {
            long member = ((Number) rows.get(0)[5]).longValue();
            Membership membership = directory.roster(em.find(Community.class, forum.communityId())).stream()
                    .filter(m -> m.tenant().id() == member).findFirst().orElseThrow();
            throw new ProblemException(409, "quota-below-confirmed", membership.tenant().name(),
                    quotas.get(membership.tenant().slug().value()));
        }
        return rows.stream().filter(r -> "PROMOTED".equals(r[0])).toList();
    }

    /** A change of a forum's agenda: the session as it now is (null once removed) and the forum's new version. */
    public record AgendaChange(SessionView session, int forumVersion) {
    }

    /**
     * The host adds a keynote or a breakout group to the agenda of its forum; with
     * {@code seen} version, only to the forum as the host last saw it (412 otherwise).
     */
    public AgendaChange addSession(long forumId, IfMatch seen, SessionInput input) {
        Forum forum = agendaOf(forumId, seen, false);
        List<FieldError> errors = input.errors("agenda", forum.startsAt(), forum.endsAt());
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-input", errors);
        }
        long id = insertSession(forum, input);
        audit.record("forum-session", id, "create", Map.of("forum", forum.id(), "title", input.title().trim(),
                "kind", input.parsedKind().name()));
        return agendaChanged(forum, id);
    }

    /**
     * The host changes a session of its forum's agenda, as last seen ({@code seen} version of the
     * forum, 412 otherwise). A breakout group that people have chosen cannot become smaller than
     * they are, nor stop being a breakout group (409).
     */
    public AgendaChange replaceSession(long forumId, long sessionId, IfMatch seen, SessionInput input) {
        Forum forum = agendaOf(forumId, seen, true);
        List<FieldError> errors = input.errors("agenda", forum.startsAt(), forum.endsAt());
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-input", errors);
        }
        SessionView before = lockSession(forum, sessionId);
        int chosen = chosenBreakout(forum, sessionId);
        if (chosen > 0 && (input.parsedKind() != SessionKind.BREAKOUT || input.capacity() != null && input.capacity() < chosen)) {
            throw new ProblemException(409, "breakout-below-chosen", before.title(), chosen);
        }
        em.createNativeQuery("""
                        update forum_session set kind = ?1, title = ?2, speaker = ?3, room = ?4, starts_at = ?5, ends_at = ?6,
                                                 capacity = cast(?7 as integer)
                         where tenant_id = ?8 and forum_id = ?9 and id = ?10""")
                .setParameter(1, input.parsedKind().name()).setParameter(2, input.title().trim())
                .setParameter(3, blankToNull(input.speaker())).setParameter(4, blankToNull(input.room()))
                .setParameter(5, input.startsAt()).setParameter(6, input.endsAt()).setParameter(7, input.capacity())
                .setParameter(8, forum.hostTenantId()).setParameter(9, forum.id()).setParameter(10, sessionId)
                .executeUpdate();
        AgendaChange change = agendaChanged(forum, sessionId);
        SessionView after = change.session();
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("forum", forum.id());
        for (Object[] field : List.of(new Object[] {"kind", before.kind(), after.kind()},
                new Object[] {"title", before.title(), after.title()}, new Object[] {"speaker", before.speaker(), after.speaker()},
                new Object[] {"room", before.room(), after.room()}, new Object[] {"capacity", before.capacity(), after.capacity()},
                new Object[] {"startsAt", before.startsAt(), after.startsAt()}, new Object[] {"endsAt", before.endsAt(), after.endsAt()})) {
            String was = field[1] == null ? null : field[1].toString();
            String is = field[2] == null ? null : field[2].toString();
            if (!java.util.Objects.equals(was, is)) {
                changes.put((String) field[0], java.util.Arrays.asList(was, is));
            }
        }
        audit.record("forum-session", sessionId, "update", changes);
        return change;
    }

    /**
     * The host removes a session from its forum's agenda, as last seen ({@code seen} version, 412
     * otherwise); a breakout group people have chosen stays until they have chosen another (409).
     */
    public AgendaChange removeSession(long forumId, long sessionId, IfMatch seen) {
        Forum forum = agendaOf(forumId, seen, true);
        SessionView session = lockSession(forum, sessionId);
        int chosen = chosenBreakout(forum, sessionId);
        if (chosen > 0) {
            throw new ProblemException(409, "breakout-in-use", session.title(), chosen);
        }
        em.createNativeQuery("delete from forum_session where tenant_id = ?1 and forum_id = ?2 and id = ?3")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).setParameter(3, sessionId)
                .executeUpdate();
        audit.record("forum-session", sessionId, "delete", Map.of("forum", forum.id(), "title", session.title(),
                "kind", session.kind().name()));
        return agendaChanged(forum, sessionId);
    }

    /**
     * The caller's own forum, for a change of its agenda: as the caller last saw it when it says
     * ({@code seen} version, 412 otherwise). The agenda is part of the forum, so the change gives
     * the forum a new version, checked against concurrent changes when the transaction writes.
     */
    private Forum agendaOf(long forumId, IfMatch seen, boolean required) {
        AccountPrincipal caller = tenantContext.requireRole(Role.TENANT_ADMIN);
        Forum forum = visibleForum(forumId);
        if (forum.hostTenantId() != caller.tenantId()) {
            throw ProblemException.forbidden();
        }
        Integer seenVersion = required ? Integer.valueOf(seen.required()) : seen.optional();
        if (seenVersion != null && forum.version() != seenVersion) {
            throw new ProblemException(412, "precondition-failed");
        }
        em.lock(forum, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return forum;
    }

    private AgendaChange agendaChanged(Forum forum, long sessionId) {
        em.flush(); // writes the forum's new version
        SessionView session = agenda(forum).stream().filter(x -> x.id() == sessionId).findFirst().orElse(null);
        return new AgendaChange(session, forum.version());
    }

    /** Locks a session of the forum against parallel breakout choices; 404 when the forum has no such session. */
    private SessionView lockSession(Forum forum, long sessionId) {
        if (em.createNativeQuery("select id from forum_session where tenant_id = ?1 and forum_id = ?2 and id = ?3 for update")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).setParameter(3, sessionId)
                .getResultList().isEmpty()) {
            throw ProblemException.notFound("forum-session", sessionId);
        }
        return agenda(forum).stream().filter(x -> x.id() == sessionId).findFirst().orElseThrow();
    }

    /** How many confirmed people chose this breakout group. */
    private int chosenBreakout(Forum forum, long sessionId) {
        return ((Number) em.createNativeQuery("""
                        select count(*) from forum_registration
                         where tenant_id = ?1 and breakout_session_id = ?2 and status = 'CONFIRMED'""")
                .setParameter(1, forum.hostTenantId()).setParameter(2, sessionId).getSingleResult()).intValue();
    }

    /**
     * Chooses the breakout group of a confirmed registration ({@code session} null: none): the
     * person, an admin of their member, or the host. A full group is 409, and so is a registration
     * that is not confirmed.
     */
    public RegistrationView chooseBreakout(long forumId, long registrationId, Long session) {
        AccountPrincipal caller = tenantContext.requireCaller();
        Forum forum = visibleForum(forumId);
        RegistrationView registration = registration(forum, registrationId);
        boolean mine = registration.person().equals(caller.username());
        boolean admin = caller.has(Role.TENANT_ADMIN);
        if (!mine && !admin) {
            throw ProblemException.forbidden();
        }
        @SuppressWarnings("unchecked")
        List<Object> outcome = em.createNativeQuery("select outcome from forum_choose_breakout(?1, ?2, ?3, cast(?4 as bigint))")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).setParameter(3, registrationId)
                .setParameter(4, session)
                .getResultList();
        if (outcome.isEmpty()) {
            throw ProblemException.notFound("registration", registrationId);
        }
        switch ((String) outcome.get(0)) {
            case "FULL" -> throw new ProblemException(409, "breakout-full", sessionTitle(forum, session));
            case "NOT_CONFIRMED" -> throw new ProblemException(409, "registration-not-confirmed", registration.person());
            case "NOT_BREAKOUT" -> throw new ProblemException(400, "invalid-input",
                    List.of(new FieldError("session", "validation.forum.not-breakout", session)));
            default -> {
                audit.record("forum-registration", registrationId, "breakout",
                        Map.of("forum", forum.id(), "session", java.util.Arrays.asList(registration.breakout(), session)));
                return registration(forum, registrationId);
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    private long insertSession(Forum forum, SessionInput session) {
        return ((Number) em.createNativeQuery("""
                        insert into forum_session (tenant_id, forum_id, kind, title, speaker, room, starts_at, ends_at, capacity)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as integer)) returning id""")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id())
                .setParameter(3, session.parsedKind().name()).setParameter(4, session.title().trim())
                // a null is bound as text: cast where the column is not
                .setParameter(5, blankToNull(session.speaker())).setParameter(6, blankToNull(session.room()))
                .setParameter(7, session.startsAt()).setParameter(8, session.endsAt())
                .setParameter(9, session.capacity())
                .getSingleResult()).longValue();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private String sessionTitle(Forum forum, Long session) {
        return agenda(forum).stream().filter(s -> session != null && s.id() == session).map(SessionView::title)
                .findFirst().orElse(String.valueOf(session));
    }

    /** A forum's agenda in time order, with the places left in breakout groups that have a capacity. */
    private List<SessionView> agenda(Forum forum) {
        Map<Long, Integer> taken = new java.util.HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> counts = em.createNativeQuery("select session_id, taken from forum_breakout_taken(?1, ?2)")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).getResultList();
        counts.forEach(c -> taken.put(((Number) c[0]).longValue(), ((Number) c[1]).intValue()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, kind, title, speaker, room, starts_at, ends_at, capacity from forum_session
                         where tenant_id = ?1 and forum_id = ?2 order by starts_at, id""")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).getResultList();
        return rows.stream().map(r -> {
            long id = ((Number) r[0]).longValue();
            Integer capacity = r[7] == null ? null : ((Number) r[7]).intValue();
            return new SessionView(id, SessionKind.valueOf((String) r[1]), (String) r[2], (String) r[3], (String) r[4],
                    SqlValues.offsetDateTime(r[5]), SqlValues.offsetDateTime(r[6]), capacity,
                    capacity == null ? null : Math.max(0, capacity - taken.getOrDefault(id, 0)));
        }).toList();
    }

    /** When a forum takes place, in Beijing time, as people read it. */
    private static String when(Forum forum) {
        return BeijingTime.minutes(forum.startsAt());
    }

    private static final String REGISTRATION_COLUMNS = """
            select r.id, r.person_username, r.person_name, t.slug, r.status, r.registered_by, r.created_at,
                   r.check_in_code, r.checked_in_at, r.breakout_session_id
              from forum_registration r join tenant t on t.id = r.registrant_tenant_id""";

    private RegistrationView registration(Forum forum, long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(REGISTRATION_COLUMNS + " where r.tenant_id = ?1 and r.id = ?2")
                .setParameter(1, forum.hostTenantId()).setParameter(2, id)
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("registration", id);
        }
        return toView(forum, rows.get(0));
    }

    private RegistrationView toView(Forum forum, Object[] r) {
        long id = ((Number) r[0]).longValue();
        RegistrationStatus status = RegistrationStatus.valueOf((String) r[4]);
        Integer position = status != RegistrationStatus.WAITLISTED ? null : ((Number) em.createNativeQuery(
                        "select forum_waitlist_position(?1, ?2, ?3)")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).setParameter(3, id)
                .getSingleResult()).intValue();
        return new RegistrationView(id, forum.id(), (String) r[1], (String) r[2], (String) r[3], status, position,
                (String) r[5], SqlValues.offsetDateTime(r[6]), (String) r[7], SqlValues.offsetDateTime(r[8]),
                r[9] == null ? null : ((Number) r[9]).longValue());
    }

    /** Whom to tell about a registration the caller can see: the registered person's account and address. */
    private Recipient registrant(Forum forum, long registrationId) {
        Object[] r = (Object[]) em.createNativeQuery(
                        "select registrant_tenant_id, account_id, person_email from forum_registration where tenant_id = ?1 and id = ?2")
                .setParameter(1, forum.hostTenantId()).setParameter(2, registrationId).getSingleResult();
        return Recipient.account(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2]);
    }

    private long registrantTenant(long registrationId) {
        return ((Number) em.createNativeQuery("select registrant_tenant_id from forum_registration where id = ?1")
                .setParameter(1, registrationId).getSingleResult()).longValue();
    }

    /** The person to register: the caller (a principal), or one of the admin's own tenant's principals. */
    private Account person(AccountPrincipal caller, String username) {
        if (username == null || username.isBlank() || username.equals(caller.username())) {
            if (!caller.has(Role.PRINCIPAL)) {
                throw new ProblemException(400, "invalid-input", List.of(new FieldError("username", "validation.forum.who")));
            }
            return em.createQuery("select a from Account a where a.tenantId = :t and a.id = :id", Account.class)
                    .setParameter("t", caller.tenantId()).setParameter("id", caller.accountId()).getSingleResult();
        }
        if (!caller.has(Role.TENANT_ADMIN)) {
            throw ProblemException.forbidden();
        }
        Account person = em.createQuery("select a from Account a where a.tenantId = :t and a.username = :u", Account.class)
                .setParameter("t", caller.tenantId()).setParameter("u", username.trim())
                .getResultStream().findFirst()
                .orElseThrow(() -> new ProblemException(400, "invalid-input",
                        List.of(new FieldError("username", "validation.forum.not-own-principal", username))));
        if (!person.roles().contains(Role.PRINCIPAL)) {
            throw new ProblemException(400, "invalid-input",
                    List.of(new FieldError("username", "validation.forum.not-own-principal", username)));
        }
        return person;
    }

    private Forum visibleForum(long id) {
        // row-level security: the host's own forums and forums of the caller's communities
        return em.createQuery("select f from Forum f where f.id = :id", Forum.class)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("forum", id));
    }

    private Map<String, Long> members(Community community) {
        Map<String, Long> members = new LinkedHashMap<>();
        for (Membership m : directory.roster(community)) {
            members.put(m.tenant().slug().value(), m.tenant().id());
        }
        return members;
    }

    private ForumView view(Forum f, AccountPrincipal caller) {
        Community community = em.find(Community.class, f.communityId());
        Map<Long, String> slugs = new LinkedHashMap<>();
        members(community).forEach((slug, id) -> slugs.put(id, slug));
        Map<String, Integer> quotas = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> quotaRows = em.createNativeQuery(
                        "select member_tenant_id, seats from forum_quota where tenant_id = ?1 and forum_id = ?2 order by member_tenant_id")
                .setParameter(1, f.hostTenantId()).setParameter(2, f.id()).getResultList();
        quotaRows.forEach(q -> quotas.put(slugs.get(((Number) q[0]).longValue()), ((Number) q[1]).intValue()));
        Object[] taken = (Object[]) em.createNativeQuery("select total, of_member from forum_seats_taken(?1, ?2, ?3)")
                .setParameter(1, f.hostTenantId()).setParameter(2, f.id()).setParameter(3, caller.tenantId())
                .getSingleResult();
        int seatsLeft = Math.max(0, f.capacity() - ((Number) taken[0]).intValue());
        Integer myQuota = quotas.get(slugs.get(caller.tenantId()));
        Integer myLeft = myQuota == null ? null : Math.max(0, Math.min(seatsLeft, myQuota - ((Number) taken[1]).intValue()));
        return new ForumView(f.id(), slugs.get(f.hostTenantId()), community.slug().value(), f.title(), f.description(),
                f.venue(), f.startsAt(), f.endsAt(), f.registrationOpensAt(), f.registrationClosesAt(), f.capacity(),
                f.approvalRequired(), quotas, f.planItemId(), seatsLeft, myLeft, f.registrationOpenAt(OffsetDateTime.now()),
                agenda(f), f.version());
    }
}
