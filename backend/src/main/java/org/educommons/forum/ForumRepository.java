package org.educommons.forum;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.educommons.identity.Account;
import org.educommons.platform.database.Row;
import org.educommons.platform.outbox.Outbox;
import org.educommons.platform.outbox.Recipient;
import org.educommons.platform.problem.ProblemException;

/**
 * Where forums, their quotas, agenda and registrations are read and written, and the database
 * functions that keep the seat rules are called. Every native result is mapped here, once, to a
 * record. Runs in the caller's transaction, under row-level security of the caller's tenant.
 */
@ApplicationScoped
public class ForumRepository {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "educommons")
    EntityManager em;

    // --- forums ---------------------------------------------------------------------------------

    /** A forum the caller may see (the host's own, or one of the caller's communities); 404 otherwise. */
    Forum visible(long id) {
        return em.createQuery("select f from Forum f where f.id = :id", Forum.class)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("forum", id));
    }

    /** Forums of a community after id {@code after}, by id. */
    List<Forum> ofCommunity(long communityId, long after, int max) {
        return em.createQuery("select f from Forum f where f.communityId = :community and f.id > :after order by f.id", Forum.class)
                .setParameter("community", communityId).setParameter("after", after)
                .setMaxResults(max).getResultList();
    }

    /** Every forum of a community, by start. */
    List<Forum> ofCommunityByStart(long communityId) {
        return em.createQuery("select f from Forum f where f.communityId = :community order by f.startsAt, f.id", Forum.class)
                .setParameter("community", communityId).getResultList();
    }

    void add(Forum forum) {
        em.persist(forum);
        em.flush();
    }

    /** Writes the forum and reads back the version the database now holds (for the next If-Match). */
    void save(Forum forum) {
        em.flush();
        em.refresh(forum);
    }

    void flush() {
        em.flush();
    }

    /** Gives the forum a new version, checked against concurrent changes when the transaction writes. */
    void touch(Forum forum) {
        em.lock(forum, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    /** Whether {@code planItem} is an item of the host's own plan in the community. */
    boolean isOwnPlanItem(long host, long planItem, long communityId) {
        return !em.createNativeQuery("select 1 from plan_item where tenant_id = ?1 and id = ?2 and community_id = ?3")
                .setParameter(1, host).setParameter(2, planItem).setParameter(3, communityId)
                .getResultList().isEmpty();
    }

    // --- seats and quotas -----------------------------------------------------------------------

    void addQuota(Forum forum, long member, int seats) {
        em.createNativeQuery("insert into forum_quota (tenant_id, forum_id, member_tenant_id, seats) values (?1, ?2, ?3, ?4)")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).setParameter(3, member).setParameter(4, seats)
                .executeUpdate();
    }

    /** Someone who moved up from the waitlist: whom to tell. */
    record Promotion(long tenantId, long accountId, String email, String name) {
        Recipient recipient() {
            return Recipient.account(tenantId, accountId, email);
        }
    }

    /**
     * What a new capacity or new quotas did: refused because fewer seats than are confirmed would
     * remain ({@code memberBelow}: the member whose quota was too small, when it was a quota), or who
     * moved up from the waitlist.
     */
    record Reshare(boolean belowConfirmed, Long memberBelow, List<Promotion> promoted) {
    }

    /** The columns {@code forum_resize} and {@code forum_set_quotas} both answer with, in this order. */
    private static final String RESHARE_COLUMNS = "outcome, promoted_tenant, promoted_account, promoted_email, promoted_name";

    Reshare resize(Forum forum, int capacity) {
        return reshare(Row.list(em.createNativeQuery("select " + RESHARE_COLUMNS + ", null from forum_resize(?1, ?2, ?3)")
                        .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).setParameter(3, capacity),
                ReshareRow::of));
    }

    /** Replaces the forum's quotas (member tenant id → seats) under its lock. */
    Reshare setQuotas(Forum forum, Map<Long, Integer> quotas) {
        Map<String, Integer> byTenant = new LinkedHashMap<>();
        quotas.forEach((member, seats) -> byTenant.put(String.valueOf(member), seats));
        return reshare(Row.list(em.createNativeQuery(
                                "select " + RESHARE_COLUMNS + ", member_tenant from forum_set_quotas(?1, ?2, cast(?3 as jsonb))")
                        .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).setParameter(3, JSON.toJson(byTenant)),
                ReshareRow::of));
    }

    private record ReshareRow(String outcome, Promotion promotion, Long member) {
        static ReshareRow of(Row r) {
            return new ReshareRow(r.getString(0), r.getNullableLong(1) == null ? null
                    : new Promotion(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4)), r.getNullableLong(5));
        }
    }

    private static Reshare reshare(List<ReshareRow> rows) {
        if (!rows.isEmpty() && "BELOW_CONFIRMED".equals(rows.get(0).outcome())) {
            return new Reshare(true, rows.get(0).member(), List.of());
        }
        return new Reshare(false, null, rows.stream().filter(r -> "PROMOTED".equals(r.outcome())).map(ReshareRow::promotion).toList());
    }

    // --- the agenda -----------------------------------------------------------------------------

    /** A session as stored. */
    record SessionRow(long id, SessionKind kind, String title, String speaker, String room, OffsetDateTime startsAt,
                      OffsetDateTime endsAt, Integer capacity) {
    }

    /** Confirmed seats of a forum in all, and of one member's people. */
    record SeatsTaken(int total, int ofMember) {
    }

    /**
     * What is shown with forums besides their own columns: each forum's quotas (forum id → member
     * tenant → seats), confirmed seats in all and of one member, agenda in time order, and the places
     * taken in its breakout groups (session id → confirmed people who chose it).
     */
    record Facts(Map<Long, Map<Long, Integer>> quotas, Map<Long, SeatsTaken> seats, Map<Long, List<SessionRow>> sessions,
                 Map<Long, Integer> breakoutTaken) {
    }

    /**
     * The facts of {@code forums}, with the confirmed seats of {@code member}'s people, in one round trip
     * however many forums: one row per fact, named in its first column, in the columns its kind needs.
     */
    Facts facts(List<Forum> forums, long member) {
        Facts facts = new Facts(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        Row.list(em.createNativeQuery("""
                        select 'quota', q.forum_id, q.member_tenant_id, cast(null as text), cast(null as text),
                               cast(null as text), cast(null as text), cast(null as timestamptz), cast(null as timestamptz), q.seats
                          from forum_quota q where q.forum_id = any(cast(?1 as bigint[]))
                        union all
                        select 'seats', f.id, s.total, null, null, null, null, null, null, s.of_member
                          from forum f, lateral forum_seats_taken(f.tenant_id, f.id, ?2) s
                         where f.id = any(cast(?1 as bigint[]))
                        union all
                        select 'session', e.forum_id, e.id, e.kind, e.title, e.speaker, e.room, e.starts_at, e.ends_at, e.capacity
                          from forum_session e where e.forum_id = any(cast(?1 as bigint[]))
                        union all
                        select 'taken', f.id, b.session_id, null, null, null, null, null, null, b.taken
                          from forum f, lateral forum_breakout_taken(f.tenant_id, f.id) b
                         where f.id = any(cast(?1 as bigint[]))
                        order by 1, 2, 8, 3""")
                        .setParameter(1, ids(forums)).setParameter(2, member),
                r -> {
                    long forum = r.getLong(1);
                    switch (r.getString(0)) {
                        case "quota" -> facts.quotas().computeIfAbsent(forum, f -> new LinkedHashMap<>()).put(r.getLong(2), r.getInt(9));
                        case "seats" -> facts.seats().put(forum, new SeatsTaken((int) r.getLong(2),
                                r.getNullableInt(9) == null ? 0 : r.getInt(9)));
                        case "session" -> facts.sessions().computeIfAbsent(forum, f -> new java.util.ArrayList<>())
                                .add(new SessionRow(r.getLong(2), r.getEnum(3, SessionKind.class), r.getString(4),
                                        r.getString(5), r.getString(6), r.getOffsetDateTime(7), r.getOffsetDateTime(8),
                                        r.getNullableInt(9)));
                        case "taken" -> facts.breakoutTaken().put(r.getLong(2), r.getInt(9));
                        default -> throw new IllegalStateException("unknown fact " + r.getString(0));
                    }
                    return null;
                });
        return facts;
    }

    /** The forums' ids as a PostgreSQL array literal. */
    private static String ids(List<Forum> forums) {
        return forums.stream().map(f -> String.valueOf(f.id())).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /** How many confirmed people chose this breakout group. */
    int chosenBreakout(Forum forum, long sessionId) {
        return Row.single(em.createNativeQuery("""
                        select count(*) from forum_registration
                         where tenant_id = ?1 and breakout_session_id = ?2 and status = 'CONFIRMED'""")
                .setParameter(1, forum.hostTenantId()).setParameter(2, sessionId), r -> r.getInt(0));
    }

    long addSession(Forum forum, SessionInput session) {
        return Row.single(em.createNativeQuery("""
                        insert into forum_session (tenant_id, forum_id, kind, title, speaker, room, starts_at, ends_at, capacity)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as integer)) returning id""")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id())
                .setParameter(3, session.parsedKind().name()).setParameter(4, session.title().trim())
                // a null is bound as text: cast where the column is not
                .setParameter(5, blankToNull(session.speaker())).setParameter(6, blankToNull(session.room()))
                .setParameter(7, session.startsAt()).setParameter(8, session.endsAt())
                .setParameter(9, session.capacity()), r -> r.getLong(0));
    }

    void replaceSession(Forum forum, long sessionId, SessionInput input) {
        em.createNativeQuery("""
                        update forum_session set kind = ?1, title = ?2, speaker = ?3, room = ?4, starts_at = ?5, ends_at = ?6,
                                                 capacity = cast(?7 as integer)
                         where tenant_id = ?8 and forum_id = ?9 and id = ?10""")
                .setParameter(1, input.parsedKind().name()).setParameter(2, input.title().trim())
                .setParameter(3, blankToNull(input.speaker())).setParameter(4, blankToNull(input.room()))
                .setParameter(5, input.startsAt()).setParameter(6, input.endsAt()).setParameter(7, input.capacity())
                .setParameter(8, forum.hostTenantId()).setParameter(9, forum.id()).setParameter(10, sessionId)
                .executeUpdate();
    }

    void removeSession(Forum forum, long sessionId) {
        em.createNativeQuery("delete from forum_session where tenant_id = ?1 and forum_id = ?2 and id = ?3")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).setParameter(3, sessionId)
                .executeUpdate();
    }

    /** Locks a session of the forum against parallel breakout choices; false when the forum has no such session. */
    boolean lockSession(Forum forum, long sessionId) {
        return !em.createNativeQuery("select id from forum_session where tenant_id = ?1 and forum_id = ?2 and id = ?3 for update")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).setParameter(3, sessionId)
                .getResultList().isEmpty();
    }

    // --- registrations --------------------------------------------------------------------------

    /** A registration as stored, with its member's slug and, while it waits, its place in the queue. */
    record RegistrationRow(long id, String person, String displayName, String tenant, RegistrationStatus status,
                           String registeredBy, OffsetDateTime createdAt, String checkInCode, OffsetDateTime checkedInAt,
                           Long breakout, Integer position) {
        private static final String COLUMNS = """
                select r.id, r.person_username, r.person_name, t.slug, r.status, r.registered_by, r.created_at,
                       r.check_in_code, r.checked_in_at, r.breakout_session_id,
                       case when r.status = 'WAITLISTED' then forum_waitlist_position(r.tenant_id, r.forum_id, r.id) end
                  from forum_registration r join tenant t on t.id = r.registrant_tenant_id""";

        static RegistrationRow of(Row r) {
            return of(r, 0);
        }

        /** The registration in the row's columns from {@code first} on, in the order of {@link #COLUMNS}. */
        static RegistrationRow of(Row r, int first) {
            return new RegistrationRow(r.getLong(first), r.getString(first + 1), r.getString(first + 2), r.getString(first + 3),
                    r.getEnum(first + 4, RegistrationStatus.class), r.getString(first + 5), r.getOffsetDateTime(first + 6),
                    r.getString(first + 7), r.getOffsetDateTime(first + 8), r.getNullableLong(first + 9),
                    r.getNullableInt(first + 10));
        }
    }

    Optional<RegistrationRow> registration(Forum forum, long id) {
        return Row.first(em.createNativeQuery(RegistrationRow.COLUMNS + " where r.tenant_id = ?1 and r.id = ?2")
                .setParameter(1, forum.hostTenantId()).setParameter(2, id), RegistrationRow::of);
    }

    /** Registrations after id {@code after}, by id: all of them, or only {@code person}'s. */
    List<RegistrationRow> registrations(Forum forum, boolean all, String person, long after, int max) {
        return Row.list(em.createNativeQuery(RegistrationRow.COLUMNS + """

                         where r.tenant_id = ?1 and r.forum_id = ?2 and (?3 or r.person_username = ?4) and r.id > ?5
                         order by r.id""")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id())
                .setParameter(3, all).setParameter(4, person).setParameter(5, after)
                .setMaxResults(max), RegistrationRow::of);
    }

    /** Whom to tell about a registration the caller can see: the registered person's account and address. */
    Recipient registrant(Forum forum, long registrationId) {
        return Row.single(em.createNativeQuery(
                        "select registrant_tenant_id, account_id, person_email from forum_registration where tenant_id = ?1 and id = ?2")
                .setParameter(1, forum.hostTenantId()).setParameter(2, registrationId),
                r -> Recipient.account(r.getLong(0), r.getLong(1), r.getString(2)));
    }

    /** The member tenant a registration the caller can see belongs to. */
    long registrantTenant(long registrationId) {
        return Row.single(em.createNativeQuery("select registrant_tenant_id from forum_registration where id = ?1")
                .setParameter(1, registrationId), r -> r.getLong(0));
    }

    /** A registration as {@code forum_register} made or found it, and whether this call made it. */
    record Registered(RegistrationRow registration, boolean created) {
    }

    /** Registers the person (see {@code forum_register}): the one round trip made under the forum's lock. */
    Registered register(Forum forum, long callerTenant, long personId, String registeredBy) {
        return Row.single(em.createNativeQuery("""
                                select registration_id, person_username, person_name, member_slug, status, registered_by,
                                       created_at, check_in_code, checked_in_at, breakout_session_id, waitlist_position,
                                       created
                                  from forum_register(?1, ?2, ?3, ?4, ?5)""")
                        .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id())
                        .setParameter(3, callerTenant).setParameter(4, personId).setParameter(5, registeredBy),
                r -> new Registered(RegistrationRow.of(r, 0), r.getBoolean(11)));
    }

    /**
     * Cancels a registration; the database moves the next person up and tells them itself, with
     * {@code message}, whose {@code nameMarker} it replaces by their name. Returns who moved up.
     */
    List<Long> cancel(Forum forum, long registrationId, Outbox.Rendered message, String nameMarker) {
        return Row.list(em.createNativeQuery("select promoted_id from forum_cancel(?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), ?7)")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).setParameter(3, registrationId)
                .setParameter(4, message.subject()).setParameter(5, message.body())
                .setParameter(6, message.argsJson()).setParameter(7, nameMarker), r -> r.getLong(0));
    }

    /** Approves or rejects a registration awaiting approval; empty when it had been decided already. */
    Optional<RegistrationStatus> decide(Forum forum, long registrationId, boolean approve) {
        return Row.first(em.createNativeQuery("select status from forum_decide(?1, ?2, ?3, ?4)")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).setParameter(3, registrationId)
                .setParameter(4, approve), r -> r.getEnum(0, RegistrationStatus.class));
    }

    /** What {@code forum_check_in} made of a code. */
    record CheckIn(String outcome, Long registrationId, OffsetDateTime checkedInAt) {
    }

    CheckIn checkIn(Forum forum, String code) {
        return Row.single(em.createNativeQuery("select outcome, registration_id, checked_in_at from forum_check_in(?1, ?2, ?3)")
                        .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).setParameter(3, code),
                r -> new CheckIn(r.getString(0), r.getNullableLong(1), r.getOffsetDateTime(2)));
    }

    /** Chooses a breakout group ({@code session} null: none); the outcome, empty when there is no such registration. */
    Optional<String> chooseBreakout(Forum forum, long registrationId, Long session) {
        return Row.first(em.createNativeQuery("select outcome from forum_choose_breakout(?1, ?2, ?3, cast(?4 as bigint))")
                .setParameter(1, forum.hostTenantId()).setParameter(2, forum.id()).setParameter(3, registrationId)
                .setParameter(4, session), r -> r.getString(0));
    }

    // --- people ---------------------------------------------------------------------------------

    Account account(long tenantId, long accountId) {
        return em.createQuery("select a from Account a where a.tenantId = :t and a.id = :id", Account.class)
                .setParameter("t", tenantId).setParameter("id", accountId).getSingleResult();
    }

    Optional<Account> account(long tenantId, String username) {
        return em.createQuery("select a from Account a where a.tenantId = :t and a.username = :u", Account.class)
                .setParameter("t", tenantId).setParameter("u", username).getResultStream().findFirst();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
