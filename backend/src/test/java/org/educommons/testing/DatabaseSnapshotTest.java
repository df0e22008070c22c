package org.educommons.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.educommons.platform.database.DatabaseSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The snapshot the browser and API suites put back between test classes while one server keeps
 * running: after any writes, the restore gives every table exactly its rows and every sequence its
 * position again, counts nothing twice through triggers, and a connection that stayed open through it
 * (as the server's pool does) goes on working.
 */
class DatabaseSnapshotTest {

    DatabaseSettings db;
    long host;
    long forum;

    @BeforeEach
    void aForumWithRegistrations() throws SQLException {
        db = TestDatabase.migrated("snapshot");
        Assumptions.assumeTrue(DatabaseSnapshot.possible(db), "needs a superuser owner (the embedded PostgreSQL's)");
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            s.execute("insert into community (slug, name_zh, name_en, founded_in) values ('cc', '共同体', 'C', 2020)");
            try (ResultSet r = s.executeQuery("insert into tenant (slug, name_zh, name_en, kind, region)"
                    + " values ('t0', 't0', 't0', 'DISTRICT', 'r') returning id")) {
                r.next();
                host = r.getLong(1);
            }
            s.execute("insert into community_membership (tenant_id, community_id, role, joined_year, roster_position) "
                    + "select " + host + ", id, 'FOUNDING_MEMBER', 2020, 0 from community");
            for (int p = 1; p <= 6; p++) {
                s.execute("insert into account (tenant_id, username, display_name, roles) values (" + host
                        + ", 't0.p" + p + "', '校长" + p + "', 'PRINCIPAL')");
            }
            try (ResultSet r = s.executeQuery("""
                    insert into forum (tenant_id, community_id, title, venue, starts_at, ends_at, registration_opens_at,
                                       registration_closes_at, capacity)
                    select %d, id, '论坛', '泸州', now() + interval '10 days', now() + interval '11 days',
                           now() - interval '1 day', now() + interval '9 days', 3 from community returning id""".formatted(host))) {
                r.next();
                forum = r.getLong(1);
            }
        }
        register(1);
        register(2);
    }

    private void register(int person) throws SQLException {
        try (Connection c = TestDatabase.appAs(db, host); PreparedStatement p = c.prepareStatement(
                "select forum_register(?, ?, ?, (select id from account where username = ?), 'test')")) {
            p.setLong(1, host);
            p.setLong(2, forum);
            p.setLong(3, host);
            p.setString(4, "t0.p" + person);
            p.executeQuery().close();
            c.commit();
        }
    }

    /** Every table's rows (as text, sorted) and every sequence's position. */
    private List<String> everything() throws SQLException {
        List<String> all = new ArrayList<>();
        try (Connection c = TestDatabase.owner(db); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select format('%I.%I', schemaname, tablename) from pg_tables"
                    + " where schemaname = 'public' and tablename <> 'flyway_schema_history' order by 1")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet r = s.executeQuery("select coalesce(string_agg(t::text, E'\\n' order by t::text), '')"
                        + " from " + table + " t")) {
                    r.next();
                    all.add(table + ":\n" + r.getString(1));
                }
            }
            try (ResultSet r = s.executeQuery("select sequencename || '=' || coalesce(last_value, 0) from pg_sequences"
                    + " where schemaname = 'public' order by 1")) {
                while (r.next()) {
                    all.add(r.getString(1));
                }
            }
        }
        return all;
    }

    @Test
    void aRestoreGivesBackExactlyTheRowsAndSequencesOfTheSnapshot() throws SQLException {
        List<String> before = everything();
        assertThat(String.join("\n", before)).contains("t0.p1", "t0.p2");
        DatabaseSnapshot.take(db);

        // what a test class would do: register, cancel, add a tenant, delete a person
        register(3);
        register(4); // the waitlist
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            s.execute("update forum_registration set status = 'CANCELLED' where person_username = 't0.p1'");
            s.execute("insert into tenant (slug, name_zh, name_en, kind, region) values ('t9', 't9', 't9', 'DISTRICT', 'r')");
            s.execute("delete from account where username = 't0.p6'");
        }
        assertThat(everything()).isNotEqualTo(before);

        DatabaseSnapshot.restore(db);

        assertThat(everything()).isEqualTo(before);
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement();
             ResultSet r = s.executeQuery("""
                     select (select confirmed from forum_tally where forum_id = %d),
                            (select count(*) from forum_registration where forum_id = %d and status = 'CONFIRMED')"""
                     .formatted(forum, forum))) {
            r.next();
            assertThat(r.getLong(1)).as("the seat tally, not counted again by the restore").isEqualTo(2).isEqualTo(r.getLong(2));
        }
    }

    @Test
    void aConnectionOpenThroughTheRestoreGoesOnWorkingAndSequencesContinueFromTheSnapshot() throws SQLException {
        DatabaseSnapshot.take(db);
        long nextBefore;
        try (Connection server = TestDatabase.owner(db); Statement s = server.createStatement()) {
            try (ResultSet r = s.executeQuery("select last_value from tenant_id_seq")) {
                r.next();
                nextBefore = r.getLong(1) + 1;
            }
            s.execute("insert into tenant (slug, name_zh, name_en, kind, region) values ('t8', 't8', 't8', 'DISTRICT', 'r')");

            DatabaseSnapshot.restore(db);

            try (ResultSet r = s.executeQuery("insert into tenant (slug, name_zh, name_en, kind, region)"
                    + " values ('t8', 't8', 't8', 'DISTRICT', 'r') returning id")) {
                r.next();
                assertThat(r.getLong(1)).as("the id after the snapshot's, again").isEqualTo(nextBefore);
            }
        }
        register(3);
        register(4);
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement();
             ResultSet r = s.executeQuery("select status, count(*) from forum_registration group by 1 order by 1")) {
            List<String> statuses = new ArrayList<>();
            while (r.next()) {
                statuses.add(r.getString(1) + "=" + r.getLong(2));
            }
            assertThat(statuses).as("capacity 3 still holds after the restore").containsExactly("CONFIRMED=3", "WAITLISTED=1");
        }
    }
}
