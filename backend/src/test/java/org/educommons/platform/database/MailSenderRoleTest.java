package org.educommons.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.educommons.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Queued mail (invitation links included) of every tenant is read by the mail sender's own role
 * only: the application role queues mail but cannot read or mark it, whatever tenant it acts for.
 */
class MailSenderRoleTest {

    static DatabaseSettings db;
    static long tenantA;
    static long tenantB;

    @BeforeAll
    static void twoTenantsWithQueuedMail() throws SQLException {
        db = TestDatabase.migrated("mailer");
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            tenantA = tenant(s, "tenant-a");
            tenantB = tenant(s, "tenant-b");
        }
        for (long tenant : new long[] {tenantA, tenantB}) {
            try (Connection c = TestDatabase.appAs(db, tenant); Statement s = c.createStatement()) {
                s.execute("insert into outbox_message (tenant_id, recipient, subject, body) values (" + tenant
                        + ", 'admin@t" + tenant + ".example.cn', 'invitation', 'https://educommons.example/invite#secret')");
                c.commit();
            }
        }
    }

    private static long tenant(Statement s, String slug) throws SQLException {
        try (ResultSet r = s.executeQuery("insert into tenant (slug, name_zh, name_en, kind, region) values ('" + slug
                + "', '" + slug + "', '" + slug + "', 'CITY', '四川省') returning id")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void assertInsufficientPrivilege(Statement s, String sql) {
        assertThatThrownBy(() -> s.executeQuery(sql)).as(sql)
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }

    @Test
    void theApplicationRoleCanNeitherReadNorMarkQueuedMail() throws SQLException {
        for (Long tenant : new Long[] {tenantA, null}) {
            try (Connection c = TestDatabase.appAs(db, tenant); Statement s = c.createStatement()) {
                assertInsufficientPrivilege(s, "select * from outbox_due(10)");
                c.rollback();
                assertInsufficientPrivilege(s, "select outbox_sent(1)");
                c.rollback();
                assertInsufficientPrivilege(s, "select outbox_failed(1, 'x')");
                c.rollback();
                assertInsufficientPrivilege(s, "select * from outbox_message");
                c.rollback();
            }
        }
    }

    @Test
    void theMailSendersRoleSeesEveryTenantsDueMailAndMarksItSent() throws SQLException {
        List<String> recipients = new ArrayList<>();
        try (Connection c = TestDatabase.mailer(db)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select id, recipient from outbox_due(10) order by id")) {
                while (r.next()) {
                    recipients.add(r.getString(2));
                    try (PreparedStatement sent = c.prepareStatement("select outbox_sent(?)")) {
                        sent.setLong(1, r.getLong(1));
                        sent.executeQuery().close();
                    }
                }
            }
            c.commit();
        }
        assertThat(recipients).containsExactly("admin@t" + tenantA + ".example.cn", "admin@t" + tenantB + ".example.cn");
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement();
             ResultSet r = s.executeQuery("select count(*) from outbox_message where sent_at is null")) {
            r.next();
            assertThat(r.getInt(1)).as("unsent after the sender's run").isZero();
        }
    }

    @Test
    void theMailSendersRoleMayDoNothingElse() throws SQLException {
        try (Connection c = TestDatabase.mailer(db); Statement s = c.createStatement()) {
            assertInsufficientPrivilege(s, "select * from outbox_message");
            assertInsufficientPrivilege(s, "select * from account");
            assertInsufficientPrivilege(s, "select * from identity_find_login('a.admin')");
            try (ResultSet r = s.executeQuery("""
                    select r.rolsuper or r.rolbypassrls or r.rolcreaterole or r.rolcreatedb,
                           array(select p.proname::text from pg_proc p
                                  where p.prosecdef and has_function_privilege(current_user, p.oid, 'execute')
                                  order by 1)::text
                      from pg_roles r where r.rolname = current_user""")) {
                r.next();
                assertThat(r.getBoolean(1)).as("any power beyond login").isFalse();
                assertThat(r.getString(2)).isEqualTo("{outbox_due,outbox_failed,outbox_sent}");
            }
        }
    }
}
