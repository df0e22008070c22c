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

import org.educommons.platform.database.DatabaseSettings;
import org.educommons.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The forum functions that run as the schema owner, called as the application role does: they decide
 * what the forum's own settings say, not what the caller claims, and their figures reach only
 * tenants that can see the forum, each only as far as its rule allows.
 */
class ForumFunctionsIsolationTest {

    static DatabaseSettings db;
    static long host;
    static long member;
    static long otherMember;
    static long outsider;
    static long forum;
    static long approvalForum;
    static long group;
    static long hostsSeat;
    static long membersWait;

    @BeforeAll
    static void aHostTwoMembersAnOutsiderAndAOneSeatForumWithABreakoutGroup() throws SQLException {
        db = TestDatabase.migrated("forum_iso");
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            s.execute("insert into community (slug, name_zh, name_en, founded_in) values ('cc', '共同体', 'C', 2020)");
            host = tenant(s, "host", true);
            member = tenant(s, "member", true);
            otherMember = tenant(s, "other", true);
            outsider = tenant(s, "outsider", false);
            forum = forum(s, false);
            approvalForum = forum(s, true);
            try (ResultSet r = s.executeQuery("""
                    insert into forum_session (tenant_id, forum_id, kind, title, starts_at, ends_at, capacity)
                    select tenant_id, id, 'BREAKOUT', '分组研讨', starts_at, starts_at + interval '1 hour', 20
                      from forum where id = %d returning id""".formatted(forum))) {
                r.next();
                group = r.getLong(1);
            }
        }
        hostsSeat = Long.parseLong(register(host, "host.p1", forum)[0]);
        try (Connection c = TestDatabase.appAs(db, host); Statement s = c.createStatement()) {
            s.executeQuery("select * from forum_choose_breakout(%d, %d, %d, %d)".formatted(host, forum, hostsSeat, group)).close();
            c.commit();
        }
        String[] wait = register(member, "member.p1", forum);
        assertThat(wait[1]).isEqualTo("WAITLISTED");
        membersWait = Long.parseLong(wait[0]);
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
        for (int p = 1; p <= 2; p++) {
            s.execute("insert into account (tenant_id, username, display_name, roles) values (" + id + ", '" + slug + ".p" + p
                    + "', '校长" + p + "', 'PRINCIPAL')");
        }
        return id;
    }

    private static long forum(Statement s, boolean approvalRequired) throws SQLException {
        try (ResultSet r = s.executeQuery("""
                insert into forum (tenant_id, community_id, title, venue, starts_at, ends_at, registration_opens_at,
                                   registration_closes_at, capacity, approval_required)
                select %d, id, '乡村教育振兴校长论坛', '泸州', now() + interval '10 days', now() + interval '11 days',
                       now() - interval '1 day', now() + interval '9 days', 1, %b from community returning id"""
                .formatted(host, approvalRequired))) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long account(String username) throws SQLException {
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement();
             ResultSet r = s.executeQuery("select id from account where username = '" + username + "'")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** forum_register as the application calls it, in the person's own tenant; returns id and status. */
    private static String[] register(long tenant, String username, long forumId) throws SQLException {
        long account = account(username);
        try (Connection c = TestDatabase.appAs(db, tenant);
             PreparedStatement p = c.prepareStatement("select registration_id, status from forum_register(?, ?, ?, ?, 'test')")) {
            p.setLong(1, host);
            p.setLong(2, forumId);
            p.setLong(3, tenant);
            p.setLong(4, account);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                String[] result = {r.getString(1), r.getString(2)};
                c.commit();
                return result;
            }
        }
    }

    /**
     * Every row of {@code sql} run as {@code tenant} on the application role's connection, columns joined
     * by '/' (SQL null as "null").
     */
    private static List<String> rowsAs(long tenant, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestDatabase.appAs(db, tenant); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(r.getString(i));
                }
                rows.add(String.join("/", values));
            }
            c.rollback();
        }
        return rows;
    }

    @Test
    void aForumWithHostApprovalKeepsEveryRegistrationPendingWhateverTheCallerClaims() throws SQLException {
        assertThat(register(member, "member.p2", approvalForum)[1]).isEqualTo("PENDING");
        assertThat(register(host, "host.p2", approvalForum)[1]).as("even the host's own people").isEqualTo("PENDING");

        // the caller's word on approval is no longer taken at all
        try (Connection c = TestDatabase.appAs(db, otherMember); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("select * from forum_register(%d, %d, %d, %d, 'test', false)"
                    .formatted(host, approvalForum, otherMember, account("other.p1"))))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42883"));
        }
        assertThat(rowsAs(host, "select count(*) from forum_registration where forum_id = " + approvalForum
                + " and status <> 'PENDING'")).containsExactly("0");
    }

    @Test
    void anotherTenantsAccountRevealsNoRegistration() throws SQLException {
        try (Connection c = TestDatabase.appAs(db, member); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("select * from forum_register(%d, %d, %d, %d, 'test')"
                    .formatted(host, forum, member, account("host.p1"))))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("P0002"));
        }
    }

    @Test
    void anOutsiderCanNeitherRegisterNorCountForAForumItCannotSee() throws SQLException {
        assertThat(rowsAs(outsider, "select total, of_member from forum_seats_taken(%d, %d, %d)".formatted(host, forum, outsider)))
                .as("seats taken").isEmpty();
        assertThat(rowsAs(outsider, "select session_id, taken from forum_breakout_taken(%d, %d)".formatted(host, forum)))
                .as("breakout places taken").isEmpty();
        assertThat(rowsAs(outsider, "select forum_waitlist_position(%d, %d, %d)".formatted(host, forum, membersWait)))
                .as("waitlist position").containsExactly("null");
        try (Connection c = TestDatabase.appAs(db, outsider); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("select * from forum_register(%d, %d, %d, %d, 'test')"
                    .formatted(host, forum, outsider, account("outsider.p1"))))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("P0002"));
        }
    }

    @Test
    void withoutATenantTheCountsAnswerNothing() throws SQLException {
        try (Connection c = TestDatabase.app(db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from forum_seats_taken(%d, %d, %d)".formatted(host, forum, host))) {
            r.next();
            assertThat(r.getInt(1)).isZero();
        }
    }

    @Test
    void membersCountTheForumsSeatsButOnlyTheirOwnShareAndTheirOwnPlaceInTheQueue() throws SQLException {
        String seats = "select total, of_member from forum_seats_taken(%d, %d, %d)";
        assertThat(rowsAs(host, seats.formatted(host, forum, host))).containsExactly("1/1");
        assertThat(rowsAs(member, seats.formatted(host, forum, member))).containsExactly("1/0");
        assertThat(rowsAs(member, seats.formatted(host, forum, host))).as("the host's share").containsExactly("1/null");
        assertThat(rowsAs(otherMember, "select session_id, taken from forum_breakout_taken(%d, %d)".formatted(host, forum)))
                .containsExactly(group + "/1");

        String position = "select forum_waitlist_position(%d, %d, %d)".formatted(host, forum, membersWait);
        assertThat(rowsAs(member, position)).containsExactly("1");
        assertThat(rowsAs(host, position)).containsExactly("1");
        assertThat(rowsAs(otherMember, position)).as("another member's registration").containsExactly("null");
    }

    @Test
    void aMemberCancellingItsOwnPersonNeverLearnsWhichOtherMembersPersonMovedUp() throws SQLException {
        long small;
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            small = forum(s, false);
            s.execute("update account set email = 'member.p2@example.cn' where username = 'member.p2'");
        }
        long seat = Long.parseLong(register(otherMember, "other.p2", small)[0]);
        String[] waiting = register(member, "member.p2", small);
        assertThat(waiting[1]).isEqualTo("WAITLISTED");

        List<String> answered = new ArrayList<>();
        try (Connection c = TestDatabase.appAs(db, otherMember);
             PreparedStatement p = c.prepareStatement("select * from forum_cancel(?, ?, ?, ?, ?, cast(? as jsonb), ?)")) {
            p.setLong(1, host);
            p.setLong(2, small);
            p.setLong(3, seat);
            p.setString(4, "候补转正 / Moved up");
            p.setString(5, "#NAME#，您好：名额空出。\n\n----\n\nDear #NAME#, a seat is free.");
            p.setString(6, "[\"论坛\",\"明天\",\"会议中心\",\"#NAME#\"]");
            p.setString(7, "#NAME#");
            try (ResultSet r = p.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                assertThat(columns).as("an id, nothing about the person").isOne();
                while (r.next()) {
                    answered.add(r.getString(1));
                }
            }
            c.commit();
        }
        assertThat(answered).containsExactly(waiting[0]);
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            try (ResultSet r = s.executeQuery("select subject, body from outbox_message where recipient = 'member.p2@example.cn'")) {
                assertThat(r.next()).as("the promoted person is mailed").isTrue();
                assertThat(r.getString(2)).isEqualTo("校长2，您好：名额空出。\n\n----\n\nDear 校长2, a seat is free.");
            }
            try (ResultSet r = s.executeQuery("""
                    select n.message_key, n.args::text from notification n join account a on a.tenant_id = n.tenant_id and a.id = n.account_id
                     where a.username = 'member.p2'""")) {
                assertThat(r.next()).as("and told in the inbox").isTrue();
                assertThat(r.getString(1)).isEqualTo("notify.registration.promoted");
                assertThat(r.getString(2)).isEqualTo("[\"论坛\", \"明天\", \"会议中心\", \"校长2\"]");
            }
        }
    }
}
