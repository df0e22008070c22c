package org.educommons.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.educommons.platform.database.DatabaseSettings;
import org.educommons.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who sees and who may change a joint activity, as PostgreSQL decides it for the application role:
 * a proposed activity stays with its organisers, a confirmed one is the whole community's, the
 * organisers answer only for themselves, and nobody but the proposer writes its rows.
 */
class ActivityVisibilityTest {

    DatabaseSettings db;
    /** proposer, organiser, another member, an outsider */
    long proposer;
    long organiser;
    long member;
    long outsider;
    long activity;
    long schoolOfProposer;
    long schoolOfOrganiser;

    @BeforeEach
    void aProposedActivityOfTwoOrganisersInACommunityOfThree() throws SQLException {
        db = TestDatabase.migrated("activity");
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            s.execute("insert into community (slug, name_zh, name_en, founded_in) values ('cc', '共同体', 'C', 2020)");
            proposer = tenant(s, "luzhou", true);
            organiser = tenant(s, "rongchang", true);
            member = tenant(s, "yongchuan", true);
            outsider = tenant(s, "xiamen", false);
            schoolOfProposer = school(s, proposer, "泸州市第一实验学校");
            schoolOfOrganiser = school(s, organiser, "荣昌区第一实验学校");
            school(s, outsider, "厦门市第一实验学校");
        }
        try (Connection c = TestDatabase.appAs(db, proposer); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("""
                    insert into activity (tenant_id, community_id, title, type, starts_on, ends_on, created_by)
                    select %d, id, '泸荣结对帮扶', 'SCHOOL_PAIRING', date '2023-03-01', date '2023-12-31', 'luzhou.admin'
                      from community returning id""".formatted(proposer))) {
                r.next();
                activity = r.getLong(1);
            }
            s.execute("insert into activity_organiser (tenant_id, activity_id, organiser_tenant_id, response) values "
                    + "(" + proposer + ", " + activity + ", " + proposer + ", 'CONFIRMED'), "
                    + "(" + proposer + ", " + activity + ", " + organiser + ", 'PENDING')");
            s.execute("insert into activity_school (tenant_id, activity_id, school_tenant_id, school_id) values "
                    + "(" + proposer + ", " + activity + ", " + proposer + ", " + schoolOfProposer + "), "
                    + "(" + proposer + ", " + activity + ", " + organiser + ", " + schoolOfOrganiser + ")");
            s.execute("insert into activity_pairing (tenant_id, activity_id, supporting_tenant_id, supporting_school_id, "
                    + "supported_tenant_id, supported_school_id, starts_on, ends_on) values (" + proposer + ", " + activity
                    + ", " + proposer + ", " + schoolOfProposer + ", " + organiser + ", " + schoolOfOrganiser
                    + ", date '2023-03-01', date '2025-02-28')");
            c.commit();
        }
    }

    private static long tenant(Statement s, String slug, boolean inCommunity) throws SQLException {
        long id;
        try (ResultSet r = s.executeQuery("insert into tenant (slug, name_zh, name_en, kind, region) values ('" + slug
                + "', '" + slug + "', '" + slug + "', 'DISTRICT', 'r') returning id")) {
            r.next();
            id = r.getLong(1);
        }
        if (inCommunity) {
            s.execute("insert into community_membership (tenant_id, community_id, role, joined_year, roster_position) "
                    + "select " + id + ", id, 'FOUNDING_MEMBER', 2020, " + id + " from community");
        }
        return id;
    }

    private static long school(Statement s, long tenant, String name) throws SQLException {
        try (ResultSet r = s.executeQuery("insert into school (tenant_id, name_zh) values (" + tenant + ", '" + name + "') returning id")) {
            r.next();
            return r.getLong(1);
        }
    }

    private int count(long tenant, String sql) throws SQLException {
        try (Connection c = TestDatabase.appAs(db, tenant); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            int n = r.getInt(1);
            c.rollback();
            return n;
        }
    }

    /** Answers for {@code tenant}; returns the activity's status afterwards, or null when nothing was answered. */
    private String respond(long tenant, boolean confirm) throws SQLException {
        try (Connection c = TestDatabase.appAs(db, tenant);
             PreparedStatement p = c.prepareStatement("select status from activity_respond(?, ?, ?, 'someone', ?)")) {
            p.setLong(1, proposer);
            p.setLong(2, activity);
            p.setBoolean(3, confirm);
            p.setString(4, confirm ? null : "本学期无法安排");
            try (ResultSet r = p.executeQuery()) {
                String status = r.next() ? r.getString(1) : null;
                c.commit();
                return status;
            }
        }
    }

    @Test
    void aProposedActivityIsSeenByItsOrganisersOnly() throws SQLException {
        for (String table : new String[] {"activity", "activity_organiser", "activity_school", "activity_pairing"}) {
            assertThat(count(proposer, "select count(*) from " + table)).as(table + " for the proposer").isPositive();
            assertThat(count(organiser, "select count(*) from " + table)).as(table + " for the organiser").isPositive();
            assertThat(count(member, "select count(*) from " + table)).as(table + " for another member").isZero();
            assertThat(count(outsider, "select count(*) from " + table)).as(table + " for an outsider").isZero();
        }
    }

    @Test
    void onceTheLastOrganiserConfirmsTheWholeCommunitySeesItButNoOutsider() throws SQLException {
        assertThat(respond(organiser, true)).isEqualTo("CONFIRMED");

        assertThat(count(member, "select count(*) from activity where status = 'CONFIRMED' and confirmed_at is not null")).isOne();
        assertThat(count(member, "select count(*) from activity_pairing")).isOne();
        assertThat(count(outsider, "select count(*) from activity")).isZero();
        assertThat(count(outsider, "select count(*) from activity_pairing")).isZero();
    }

    @Test
    void onlyAnOrganiserAnswersAndOnlyOnce() throws SQLException {
        assertThat(respond(member, true)).as("a member that was not asked").isNull();
        assertThat(respond(outsider, true)).as("an outsider").isNull();
        assertThat(respond(proposer, false)).as("the proposer has answered by proposing").isNull();
        assertThat(count(proposer, "select count(*) from activity where status = 'PROPOSED'")).isOne();

        assertThat(respond(organiser, false)).isEqualTo("PROPOSED");
        assertThat(respond(organiser, true)).as("a second answer").isNull();
        assertThat(count(proposer, "select count(*) from activity_organiser where response = 'DECLINED' and note = '本学期无法安排'")).isOne();
        assertThat(count(member, "select count(*) from activity")).as("a declined activity stays with its organisers").isZero();
    }

    @Test
    void anOrganiserCannotWriteTheProposersRows() throws SQLException {
        try (Connection c = TestDatabase.appAs(db, organiser); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("update activity set title = 'hijacked', status = 'CONFIRMED', confirmed_at = now()")).isZero();
            assertThat(s.executeUpdate("update activity_organiser set response = 'CONFIRMED'")).isZero();
            assertThat(s.executeUpdate("delete from activity_pairing")).isZero();
            c.commit();
        }
        try (Connection c = TestDatabase.appAs(db, organiser); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("insert into activity_school (tenant_id, activity_id, school_tenant_id, school_id) "
                    + "values (" + proposer + ", " + activity + ", " + organiser + ", " + schoolOfOrganiser + ")"))
                    .hasMessageContaining("row-level security");
            c.rollback();
        }
        assertThat(count(proposer, "select count(*) from activity where title = '泸荣结对帮扶' and status = 'PROPOSED'")).isOne();
        assertThat(count(proposer, "select count(*) from activity_organiser where response = 'PENDING'")).isOne();
        assertThat(count(proposer, "select count(*) from activity_pairing")).isOne();
    }

    @Test
    void fellowMembersSeeEachOthersSchoolsOutsidersDoNot() throws SQLException {
        assertThat(count(member, "select count(*) from school")).isEqualTo(2);
        assertThat(count(outsider, "select count(*) from school")).as("its own only").isOne();
        try (Connection c = TestDatabase.appAs(db, member); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("update school set name_zh = 'hijacked'")).isZero();
            c.commit();
        }
    }

    @Test
    void aPairingIsAcrossMembersAndBetweenParticipatingSchools() throws SQLException {
        try (Connection c = TestDatabase.appAs(db, proposer); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("insert into activity_pairing (tenant_id, activity_id, supporting_tenant_id, "
                    + "supporting_school_id, supported_tenant_id, supported_school_id, starts_on, ends_on) values (" + proposer
                    + ", " + activity + ", " + proposer + ", " + schoolOfProposer + ", " + proposer + ", " + schoolOfProposer
                    + ", date '2023-03-01', date '2023-06-01')")).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).as("check violation: a pair is across members").isEqualTo("23514"));
            c.rollback();
        }
    }
}
