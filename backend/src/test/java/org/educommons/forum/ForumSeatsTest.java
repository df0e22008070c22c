package org.educommons.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.educommons.platform.database.DatabaseSettings;
import org.educommons.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seat rules as PostgreSQL enforces them, through the application role's own connections:
 * capacity, quotas per member, one registration per person, waitlist order and promotion. After every
 * test, whatever it did (concurrent registrations, cancellations, promotions, new share-outs, the
 * owner's own statements), the confirmed-seat tallies equal the confirmed registrations.
 */
class ForumSeatsTest {

    static final int PEOPLE_PER_TENANT = 10;

    DatabaseSettings db;
    long[] tenants = new long[3];
    long forum;

    @BeforeEach
    void threeMembersAndAForumWithFiveSeatsOfWhichTwoForTheFirstMember() throws SQLException {
        db = TestDatabase.migrated("forum");
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            s.execute("insert into community (slug, name_zh, name_en, founded_in) values ('cc', '共同体', 'C', 2020)");
            for (int t = 0; t < 3; t++) {
                try (ResultSet r = s.executeQuery("insert into tenant (slug, name_zh, name_en, kind, region) values ('t" + t
                        + "', 't" + t + "', 't" + t + "', 'DISTRICT', 'r') returning id")) {
                    r.next();
                    tenants[t] = r.getLong(1);
                }
                s.execute("insert into community_membership (tenant_id, community_id, role, joined_year, roster_position) "
                        + "select " + tenants[t] + ", id, 'FOUNDING_MEMBER', 2020, " + t + " from community");
                for (int p = 1; p <= PEOPLE_PER_TENANT; p++) {
                    s.execute("insert into account (tenant_id, username, display_name, roles) values (" + tenants[t]
                            + ", 't" + t + ".p" + p + "', '校长" + p + "', 'PRINCIPAL')");
                }
            }
            try (ResultSet r = s.executeQuery("""
                    insert into forum (tenant_id, community_id, title, venue, starts_at, ends_at, registration_opens_at,
                                       registration_closes_at, capacity)
                    select %d, id, '乡村教育振兴校长论坛', '泸州', now() + interval '10 days', now() + interval '11 days',
                           now() - interval '1 day', now() + interval '9 days', 5 from community returning id""".formatted(tenants[0]))) {
                r.next();
                forum = r.getLong(1);
            }
            s.execute("insert into forum_quota (tenant_id, forum_id, member_tenant_id, seats) values ("
                    + tenants[0] + ", " + forum + ", " + tenants[0] + ", 2)");
        }
    }

    /** forum_register as the application does it: as the application role, in the person's tenant. */
    private String[] register(int tenant, int person) throws SQLException {
        try (Connection c = TestDatabase.app(db)) {
            c.setAutoCommit(false);
            try (PreparedStatement set = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                set.setString(1, String.valueOf(tenants[tenant]));
                set.executeQuery().close();
            }
            try (PreparedStatement p = c.prepareStatement("""
                    select registration_id, status, created from forum_register(?, ?, ?,
                           (select id from account where username = ?), 'test')""")) {
                p.setLong(1, tenants[0]);
                p.setLong(2, forum);
                p.setLong(3, tenants[tenant]);
                p.setString(4, "t" + tenant + ".p" + person);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    String[] result = {r.getString(1), r.getString(2), r.getString(3)};
                    c.commit();
                    return result;
                }
            }
        }
    }

    @AfterEach
    void theTalliesAreTheConfirmedRegistrations() throws SQLException {
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement();
             ResultSet r = s.executeQuery("""
                     select (select coalesce(sum(confirmed), 0) from forum_tally),
                            (select count(*) from forum_registration where status = 'CONFIRMED'),
                            (select count(*) from (
                                select tenant_id, forum_id, member_tenant_id, confirmed from forum_member_tally where confirmed > 0
                                except
                                select tenant_id, forum_id, registrant_tenant_id, count(*) from forum_registration
                                 where status = 'CONFIRMED' group by 1, 2, 3) wrong),
                            (select count(*) from forum_member_tally where confirmed > 0)""")) {
            r.next();
            assertThat(r.getLong(1)).as("the forum's tally").isEqualTo(r.getLong(2));
            assertThat(r.getLong(3)).as("members' tallies that differ from their confirmed registrations").isZero();
            assertThat(r.getLong(4)).as("members with confirmed seats")
                    .isEqualTo(confirmedPeople().stream().map(u -> u.substring(0, 2)).distinct().count());
        }
    }

    private List<String> confirmedPeople() throws SQLException {
        List<String> people = new ArrayList<>();
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement();
             ResultSet r = s.executeQuery("select person_username from forum_registration where status = 'CONFIRMED' order by id")) {
            while (r.next()) {
                people.add(r.getString(1));
            }
        }
        return people;
    }

    @Test
    void overbookingIsImpossibleUnderConcurrentRegistration() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String[]>> results = new ArrayList<>();
        for (int p = 1; p <= PEOPLE_PER_TENANT; p++) {
            for (int t = 0; t < 3; t++) {
                int tenant = t;
                int person = p;
                results.add(pool.submit(() -> {
                    start.await();
                    return register(tenant, person);
                }));
            }
        }
        start.countDown();
        for (Future<String[]> f : results) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<String> confirmed = confirmedPeople();
        assertThat(confirmed).hasSize(5);
        assertThat(confirmed).filteredOn(u -> u.startsWith("t0.")).hasSizeLessThanOrEqualTo(2);
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement();
             ResultSet r = s.executeQuery("""
                     select count(*), count(distinct account_id), count(*) filter (where status = 'WAITLISTED')
                       from forum_registration""")) {
            r.next();
            assertThat(r.getInt(1)).as("registrations").isEqualTo(30);
            assertThat(r.getInt(2)).as("people").isEqualTo(30);
            assertThat(r.getInt(3)).as("waitlisted").isEqualTo(25);
        }
        try (Connection host = TestDatabase.appAs(db, tenants[0]); Statement s = host.createStatement();
             ResultSet r = s.executeQuery("select max(forum_waitlist_position(tenant_id, forum_id, id)) from forum_registration")) {
            r.next();
            assertThat(r.getInt(1)).as("last waitlist position").isEqualTo(25);
        }
    }

    /** forum_choose_breakout for a registration, in the registrant's tenant; returns its outcome. */
    private String chooseBreakout(int tenant, long registration, long session) throws SQLException {
        try (Connection c = TestDatabase.appAs(db, tenants[tenant]);
             PreparedStatement p = c.prepareStatement("select outcome from forum_choose_breakout(?, ?, ?, ?)")) {
            p.setLong(1, tenants[0]);
            p.setLong(2, forum);
            p.setLong(3, registration);
            p.setLong(4, session);
            try (ResultSet r = p.executeQuery()) {
                String outcome = r.next() ? r.getString(1) : null;
                c.commit();
                return outcome;
            }
        }
    }

    private long session(String kind, Integer capacity) throws SQLException {
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement();
             ResultSet r = s.executeQuery("""
                     insert into forum_session (tenant_id, forum_id, kind, title, starts_at, ends_at, capacity)
                     select tenant_id, id, '%s', '分组', starts_at, starts_at + interval '2 hours', %s from forum
                     returning id""".formatted(kind, capacity == null ? "null" : capacity))) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aBreakoutGroupNeverTakesMoreThanItsCapacityUnderConcurrentChoices() throws Exception {
        long group = session("BREAKOUT", 2);
        long[] registrations = new long[5];
        int[] tenantOf = {1, 1, 1, 2, 2};
        for (int i = 0; i < 5; i++) {
            String[] r = register(tenantOf[i], i + 1);
            assertThat(r[1]).isEqualTo("CONFIRMED");
            registrations[i] = Long.parseLong(r[0]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            outcomes.add(pool.submit(() -> {
                start.await();
                return chooseBreakout(tenantOf[n], registrations[n], group);
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(results).filteredOn("CHOSEN"::equals).hasSize(2);
        assertThat(results).filteredOn("FULL"::equals).hasSize(3);
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement();
             ResultSet r = s.executeQuery("select count(*) from forum_registration where breakout_session_id = " + group)) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void onlyConfirmedRegistrantsJoinBreakoutGroupsAndOnlyForThemselves() throws SQLException {
        long keynote = session("KEYNOTE", null);
        long group = session("BREAKOUT", 1);
        register(0, 1);
        register(0, 2);
        long waitlisted = Long.parseLong(register(0, 3)[0]); // 泸州's quota of 2 is used up
        long confirmed = Long.parseLong(register(1, 1)[0]);

        assertThat(chooseBreakout(0, waitlisted, group)).isEqualTo("NOT_CONFIRMED");
        assertThat(chooseBreakout(1, confirmed, keynote)).isEqualTo("NOT_BREAKOUT");
        assertThat(chooseBreakout(2, confirmed, group)).as("another member's registration").isNull();
        assertThat(chooseBreakout(1, confirmed, group)).isEqualTo("CHOSEN");
        assertThat(chooseBreakout(1, confirmed, group)).as("choosing again").isEqualTo("CHOSEN");
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            s.executeUpdate("update forum_registration set status = 'CANCELLED' where id = " + confirmed);
            try (ResultSet r = s.executeQuery("select breakout_session_id from forum_registration where id = " + confirmed)) {
                r.next();
                assertThat(r.getObject(1)).as("a cancelled registration leaves its group").isNull();
            }
        }
        long another = Long.parseLong(register(1, 2)[0]);
        assertThat(chooseBreakout(1, another, group)).as("the freed place").isEqualTo("CHOSEN");

        // even the owner cannot squeeze a second person into a full group, or anyone into a keynote
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update forum_registration set breakout_session_id = " + group
                    + " where status = 'CONFIRMED' and breakout_session_id is null")).hasMessageContaining("is full");
            assertThatThrownBy(() -> s.executeUpdate("update forum_registration set breakout_session_id = " + keynote
                    + " where id = " + another)).hasMessageContaining("no breakout group");
        }
    }

    @Test
    void theDatabaseRefusesRegistrationsOutsideTheWindowAndOfNonMembers() throws SQLException {
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            s.execute("update forum set registration_opens_at = now() + interval '1 day'");
        }
        assertThatThrownBy(() -> register(1, 1)).hasMessageContaining("is not open");
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            s.execute("update forum set registration_opens_at = now() - interval '1 day'");
            s.execute("delete from community_membership where tenant_id = " + tenants[2]);
        }
        // forum_register no longer sees the forum; the trigger refuses whoever else writes
        assertThatThrownBy(() -> register(2, 1)).hasMessageContaining("no forum");
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            assertThatThrownBy(() -> s.execute("""
                    insert into forum_registration (tenant_id, forum_id, registrant_tenant_id, account_id, person_username,
                                                    person_name, registered_by, status)
                    select %d, %d, tenant_id, id, username, display_name, 'test', 'WAITLISTED' from account
                     where username = 't2.p1'""".formatted(tenants[0], forum))).hasMessageContaining("no member");
        }
        assertThat(register(1, 1)[1]).isEqualTo("CONFIRMED");
        assertThat(confirmedPeople()).containsExactly("t1.p1");
    }

    @Test
    void aRepeatedRequestReturnsTheExistingRegistration() throws SQLException {
        String[] first = register(1, 1);
        String[] again = register(1, 1);
        assertThat(again[0]).isEqualTo(first[0]);
        assertThat(again[2]).isEqualTo("f");
        assertThat(first[2]).isEqualTo("t");
    }

    @Test
    void aMembersQuotaSendsItsThirdPersonToTheWaitlistWhileOthersStillGetSeats() throws SQLException {
        assertThat(register(0, 1)[1]).isEqualTo("CONFIRMED");
        assertThat(register(0, 2)[1]).isEqualTo("CONFIRMED");
        assertThat(register(0, 3)[1]).isEqualTo("WAITLISTED");
        assertThat(register(1, 1)[1]).isEqualTo("CONFIRMED");
    }

    @Test
    void aCancellationPromotesTheFirstWaitlistedPersonWhoseMemberStillHasQuota() throws SQLException {
        register(0, 1);
        register(0, 2);
        register(1, 1);
        register(1, 2);
        String[] lastSeat = register(2, 1);       // 5 of 5
        String[] t0Third = register(0, 3);        // waitlisted first, but t0's quota (2) is used up
        String[] t1Third = register(1, 3);        // waitlisted second

        try (Connection c = TestDatabase.app(db)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeQuery("select set_config('app.tenant_id', '" + tenants[2] + "', true)").close();
                try (ResultSet r = s.executeQuery("select promoted_id from forum_cancel(" + tenants[0] + ", " + forum + ", " + lastSeat[0] + ", 's', 'b', '[]', 'x')")) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getString(1)).isEqualTo(t1Third[0]);
                }
            }
            c.commit();
        }
        assertThat(confirmedPeople()).containsExactly("t0.p1", "t0.p2", "t1.p1", "t1.p2", "t1.p3");
        assertThat(t0Third[1]).isEqualTo("WAITLISTED");
    }

    @Test
    void aTenantCanNeitherRegisterNorCancelAnotherTenantsPeople() throws SQLException {
        String[] someone = register(1, 1);
        try (Connection c = TestDatabase.app(db)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeQuery("select set_config('app.tenant_id', '" + tenants[2] + "', true)").close();
                assertThatThrownBy(() -> s.executeQuery("select * from forum_register(" + tenants[0] + ", " + forum + ", "
                        + tenants[1] + ", (select 1), 'x')")).hasMessageContaining("only its own people");
            }
            c.rollback();
            try (Statement s = c.createStatement()) {
                s.executeQuery("select set_config('app.tenant_id', '" + tenants[2] + "', true)").close();
                try (ResultSet r = s.executeQuery("select count(*) from forum_cancel(" + tenants[0] + ", " + forum + ", " + someone[0] + ", 's', 'b', '[]', 'x')")) {
                    r.next();
                    assertThat(r.getInt(1)).as("nobody promoted: nothing was cancelled").isZero();
                }
            }
            c.commit(); // whatever the attempt did would now be kept
            try (Statement s = c.createStatement()) {
                s.executeQuery("select set_config('app.tenant_id', '" + tenants[2] + "', true)").close();
                assertThatThrownBy(() -> s.executeUpdate("update forum_registration set status = 'CANCELLED'"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
            c.rollback();
        }
        assertThat(confirmedPeople()).containsExactly("t1.p1");
    }

    @Test
    void evenTheOwnerCannotWriteAConfirmedSeatBeyondCapacity() throws SQLException {
        for (int p = 1; p <= 5; p++) {
            register(1, p);
        }
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("""
                    insert into forum_registration (tenant_id, forum_id, registrant_tenant_id, account_id, person_username,
                                                    person_name, registered_by, status)
                    select %d, %d, tenant_id, id, username, display_name, 'sneak', 'CONFIRMED' from account where username = 't2.p9'
                    """.formatted(tenants[0], forum))).hasMessageContaining("is full");
        }
        assertThat(confirmedPeople()).hasSize(5);
    }

    @Test
    void evenTheOwnerCannotWriteAConfirmedSeatBeyondTheMembersQuota() throws SQLException {
        register(0, 1);
        register(0, 2);
        long waitlisted = Long.parseLong(register(0, 3)[0]);
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update forum_registration set status = 'CONFIRMED' where id = "
                    + waitlisted)).hasMessageContaining("quota of tenant " + tenants[0] + " for forum " + forum + " is used up");
        }
        register(1, 1);
        register(1, 2);
        register(1, 3);
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update forum_registration set status = 'CONFIRMED' where id = "
                    + waitlisted)).as("a full forum says so first").hasMessageContaining("is full");
        }
        assertThat(confirmedPeople()).containsExactly("t0.p1", "t0.p2", "t1.p1", "t1.p2", "t1.p3");
    }

    @Test
    void oneStatementThatConfirmsManyAtOnceStillStopsAtTheCapacity() throws SQLException {
        for (int p = 1; p <= 3; p++) {
            register(1, p); // confirmed: 3 of 5 seats
        }
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            s.executeUpdate("""
                    insert into forum_registration (tenant_id, forum_id, registrant_tenant_id, account_id, person_username,
                                                    person_name, registered_by, status)
                    select %d, %d, tenant_id, id, username, display_name, 'sneak', 'WAITLISTED' from account
                     where username in ('t2.p1', 't2.p2', 't2.p3')""".formatted(tenants[0], forum));
            // each row's own check sees the seats of earlier statements only; the tally counts this one's rows too
            assertThatThrownBy(() -> s.executeUpdate("update forum_registration set status = 'CONFIRMED' where person_username like 't2.%'"))
                    .hasMessageContaining("is full");
            s.executeUpdate("delete from forum_registration where person_username = 't1.p1'");
        }
        assertThat(confirmedPeople()).as("the deleted seat is given back, nothing else changed").containsExactly("t1.p2", "t1.p3");
    }

    /** forum_set_quotas as the host (or, with {@code caller}, another tenant) calls it; returns the outcome rows. */
    private List<String> setQuotas(int caller, String quotasByTenantIndex) throws SQLException {
        String json = quotasByTenantIndex;
        for (int t = 0; t < tenants.length; t++) {
            json = json.replace("\"t" + t + "\"", "\"" + tenants[t] + "\"");
        }
        List<String> outcomes = new ArrayList<>();
        try (Connection c = TestDatabase.appAs(db, tenants[caller]);
             PreparedStatement p = c.prepareStatement(
                     "select outcome, member_tenant, promoted_name from forum_set_quotas(?, ?, cast(? as jsonb))")) {
            p.setLong(1, tenants[0]);
            p.setLong(2, forum);
            p.setString(3, json);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    outcomes.add(r.getString(1) + (r.getString(2) == null ? "" : " " + r.getString(2))
                            + (r.getString(3) == null ? "" : " " + r.getString(3)));
                }
            }
            c.commit();
        }
        return outcomes;
    }

    private int quotaOf(int tenant) throws SQLException {
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement();
             ResultSet r = s.executeQuery("select coalesce(sum(seats), -1) from forum_quota where member_tenant_id = " + tenants[tenant])) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void aNewShareOutNeverGoesBelowAMembersConfirmedSeatsAndFreedSeatsGoToItsWaitlistInOrder() throws SQLException {
        register(0, 1);
        register(0, 2);
        String[] third = register(0, 3);
        register(0, 4);
        assertThat(third[1]).isEqualTo("WAITLISTED");

        assertThat(setQuotas(0, "{\"t0\": 1}")).containsExactly("BELOW_CONFIRMED " + tenants[0]);
        assertThat(quotaOf(0)).as("nothing changed").isEqualTo(2);
        assertThatThrownBy(() -> setQuotas(1, "{\"t0\": 5}")).as("only the host shares seats out")
                .isInstanceOf(SQLException.class).hasMessageContaining("only the host");

        assertThat(setQuotas(0, "{\"t0\": 3, \"t1\": 1}")).containsExactly("SET", "PROMOTED 校长3");
        assertThat(confirmedPeople()).containsExactly("t0.p1", "t0.p2", "t0.p3");
        assertThat(quotaOf(1)).isEqualTo(1);
        assertThat(setQuotas(0, "{}")).containsExactly("SET", "PROMOTED 校长4");
        assertThat(quotaOf(0)).as("no quota: no limit of its own").isEqualTo(-1);
    }

    @Test
    void aSmallerQuotaRacingThatMembersRegistrationsNeverLeavesMoreConfirmedThanTheQuota() throws Exception {
        register(0, 1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        Future<List<String>> shareOut = pool.submit(() -> {
            start.await();
            return setQuotas(0, "{\"t0\": 1}");
        });
        for (int p = 2; p <= 4; p++) {
            int person = p;
            done.add(pool.submit(() -> {
                start.await();
                return register(0, person);
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        List<String> outcome = shareOut.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        int confirmed = confirmedPeople().size();
        if (outcome.get(0).startsWith("SET")) {
            assertThat(quotaOf(0)).isEqualTo(1);
            assertThat(confirmed).isEqualTo(1);
        } else {
            assertThat(outcome).containsExactly("BELOW_CONFIRMED " + tenants[0]);
            assertThat(quotaOf(0)).isEqualTo(2);
            assertThat(confirmed).isEqualTo(2);
        }
    }
}
