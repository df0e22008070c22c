package org.educommons.training;

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

import org.educommons.platform.database.DatabaseSettings;
import org.educommons.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credit hours as PostgreSQL awards and guards them, through the application role's own connections: a
 * host's forum of 6 hours, a principal of another tenant registered, that tenant's city above it. Hours
 * reach the record at check-in, once, whatever races; the record is the person's tenant's and its
 * ancestors', nobody else's; nobody writes it directly.
 */
class TrainingRecordTest {

    DatabaseSettings db;
    long city;
    long host;
    long school;
    long forum;
    long principal;

    @BeforeEach
    void aForumOfSixHoursAndAPrincipalOfAnotherTenantRegistered() throws SQLException {
        db = TestDatabase.migrated("training");
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            s.execute("insert into community (slug, name_zh, name_en, founded_in) values ('cc', '共同体', 'C', 2020)");
            city = id(s, "insert into tenant (slug, name_zh, name_en, kind, region) values ('city', '市', 'City', 'CITY', 'r') returning id");
            host = id(s, "insert into tenant (slug, name_zh, name_en, kind, region) values ('host', '主办', 'Host', 'DISTRICT', 'r') returning id");
            school = id(s, "insert into tenant (slug, name_zh, name_en, kind, region, parent_id) values ('school', '学校', 'School', 'SCHOOL', 'r', "
                    + city + ") returning id");
            s.execute("insert into community_membership (tenant_id, community_id, role, joined_year, roster_position) "
                    + "select t.id, c.id, 'FOUNDING_MEMBER', 2020, t.id from tenant t, community c where t.slug in ('host', 'school')");
            principal = id(s, "insert into account (tenant_id, username, display_name, roles) values (" + school
                    + ", 'school.p1', '校长', 'PRINCIPAL') returning id");
            forum = id(s, """
                    insert into forum (tenant_id, community_id, title, venue, starts_at, ends_at, registration_opens_at,
                                       registration_closes_at, capacity, credit_hours)
                    select %d, id, '乡村教育振兴校长论坛', '泸州', now() + interval '1 hour', now() + interval '9 hours',
                           now() - interval '1 day', now() + interval '30 minutes', 10, 6 from community returning id""".formatted(host));
        }
    }

    private static long id(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Registers the principal as the application does; answers the check-in code. */
    private String register() throws SQLException {
        try (Connection c = TestDatabase.appAs(db, school); PreparedStatement p = c.prepareStatement(
                "select registration_id from forum_register(?, ?, ?, ?, 'test')")) {
            p.setLong(1, host);
            p.setLong(2, forum);
            p.setLong(3, school);
            p.setLong(4, principal);
            long registration;
            try (ResultSet r = p.executeQuery()) {
                r.next();
                registration = r.getLong(1);
            }
            c.commit();
            try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement();
                 ResultSet r = s.executeQuery("select check_in_code from forum_registration where id = " + registration)) {
                r.next();
                return r.getString(1);
            }
        }
    }

    /** A check-in at the host's desk, as the application does it. */
    private String checkIn(String code) throws SQLException {
        try (Connection c = TestDatabase.appAs(db, host);
             PreparedStatement p = c.prepareStatement("select outcome from forum_check_in(?, ?, ?)")) {
            p.setLong(1, host);
            p.setLong(2, forum);
            p.setString(3, code);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                String outcome = r.getString(1);
                c.commit();
                return outcome;
            }
        }
    }

    /** The record's rows {@code tenant} reads as the application role: title and hours. */
    private List<String> recordReadBy(long tenant) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestDatabase.appAs(db, tenant); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select title || ':' || hours from training_record order by id")) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    @Test
    void desksRacingToCheckTheSamePersonInAwardTheHoursOnce() throws Exception {
        String code = register();
        ExecutorService desks = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            outcomes.add(desks.submit(() -> {
                start.await();
                return checkIn(code);
            }));
        }
        start.countDown();
        List<String> seen = new ArrayList<>();
        for (Future<String> f : outcomes) {
            seen.add(f.get());
        }
        desks.shutdown();

        assertThat(seen).filteredOn("CHECKED_IN"::equals).hasSize(1);
        assertThat(seen).filteredOn("ALREADY"::equals).hasSize(7);
        assertThat(recordReadBy(school)).containsExactly("乡村教育振兴校长论坛:6.0");
    }

    @Test
    void cancellingRegisteringAgainAndCheckingInAgainStillCountsTheForumOnce() throws SQLException {
        assertThat(checkIn(register())).isEqualTo("CHECKED_IN");
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            s.execute("update forum_registration set status = 'CANCELLED' where account_id = " + principal);
        }
        assertThat(checkIn(register())).as("a new registration, a new code").isEqualTo("CHECKED_IN");

        assertThat(recordReadBy(school)).containsExactly("乡村教育振兴校长论坛:6.0");
    }

    @Test
    void aForumWithoutCreditHoursAddsNothing() throws SQLException {
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            s.execute("update forum set credit_hours = null");
        }
        assertThat(checkIn(register())).isEqualTo("CHECKED_IN");
        assertThat(recordReadBy(school)).isEmpty();
    }

    @Test
    void thePersonsTenantAndItsAncestorsReadTheRecordTheHostAndNobodyElseDoNorWritesIt() throws SQLException {
        assertThat(checkIn(register())).isEqualTo("CHECKED_IN");

        assertThat(recordReadBy(school)).hasSize(1);
        assertThat(recordReadBy(city)).as("the school's city, above it").hasSize(1);
        assertThat(recordReadBy(host)).as("the host checked the person in, but the record is not its own").isEmpty();

        for (long tenant : new long[] {school, city, host}) {
            try (Connection c = TestDatabase.appAs(db, tenant); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute("""
                        insert into training_record (tenant_id, account_id, source, source_tenant_id, source_id, title, held_on, hours)
                        values (%d, %d, 'FORUM', %d, 999, '自封学时', current_date, 100)""".formatted(school, principal, host)))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
            try (Connection c = TestDatabase.appAs(db, tenant); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute("update training_record set hours = 100"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
        }
        assertThat(recordReadBy(school)).containsExactly("乡村教育振兴校长论坛:6.0");
    }
}
