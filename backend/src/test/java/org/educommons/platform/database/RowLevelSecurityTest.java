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
 * Tenant isolation enforced by PostgreSQL itself: plain SQL over the application role's own
 * connection, no Java domain code involved.
 */
class RowLevelSecurityTest {

    static DatabaseSettings db;
    static long tenantA;
    static long tenantB;
    static long accountOfB;
    static long tenantC;
    static long draftOfA;
    static long publishedOfA;

    @BeforeAll
    static void twoTenantsWithAccounts() throws SQLException {
        db = TestDatabase.migrated("rls");
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            tenantA = insertTenant(owner, "tenant-a");
            tenantB = insertTenant(owner, "tenant-b");
            s.execute("insert into account (tenant_id, username, display_name, roles) values "
                    + "(" + tenantA + ", 'a.admin', 'A admin', 'TENANT_ADMIN'), "
                    + "(" + tenantA + ", 'a.principal1', 'A principal', 'PRINCIPAL'), "
                    + "(" + tenantB + ", 'b.admin', 'B admin', 'TENANT_ADMIN')");
            try (ResultSet r = s.executeQuery("select id from account where username = 'b.admin'")) {
                r.next();
                accountOfB = r.getLong(1);
            }
            // A and B share a community; C is not in it. A has a draft and a published item.
            tenantC = insertTenant(owner, "tenant-c");
            s.execute("insert into community (slug, name_zh, name_en, founded_in) values ('shared', '共同体', 'Shared', 2020)");
            s.execute("insert into community_membership (tenant_id, community_id, role, joined_year, roster_position) "
                    + "select t.id, c.id, 'FOUNDING_MEMBER', 2020, t.id from tenant t, community c where t.slug in ('tenant-a', 'tenant-b')");
            s.execute("insert into work_plan (tenant_id, community_id, year, published_at) "
                    + "select " + tenantA + ", id, 2023, now() from community");
            draftOfA = insertItem(s, "A draft", false);
            publishedOfA = insertItem(s, "A published", true);
            s.execute("insert into plan_item_co_organiser (tenant_id, item_id, co_organiser_id) values "
                    + "(" + tenantA + ", " + draftOfA + ", " + tenantB + "), (" + tenantA + ", " + publishedOfA + ", " + tenantB + ")");
        }
    }

    private static long insertItem(Statement s, String title, boolean published) throws SQLException {
        try (ResultSet r = s.executeQuery("insert into plan_item (tenant_id, plan_id, community_id, year, position, title, category, published_at) "
                + "select tenant_id, id, community_id, year, 1, '" + title + "', 'FORUM', " + (published ? "now()" : "null")
                + " from work_plan returning id")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<String> titles(Connection c) throws SQLException {
        List<String> titles = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select title from plan_item order by title")) {
            while (r.next()) {
                titles.add(r.getString(1));
            }
        }
        return titles;
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    private static long insertTenant(Connection owner, String slug) throws SQLException {
        try (PreparedStatement p = owner.prepareStatement(
                "insert into tenant (slug, name_zh, name_en, kind, region) values (?, ?, ?, 'CITY', '四川省') returning id")) {
            p.setString(1, slug);
            p.setString(2, slug + " 教育局");
            p.setString(3, slug + " bureau");
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Connection appAs(Long tenant) throws SQLException {
        return TestDatabase.appAs(db, tenant);
    }

    private static List<String> usernames(Connection c, String where) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select username from account " + where + " order by username")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    @Test
    void applicationRoleIsNeitherSuperuserNorOwner() throws SQLException {
        try (Connection c = TestDatabase.app(db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     select r.rolsuper, r.rolbypassrls, t.tableowner = current_user
                       from pg_roles r, pg_tables t
                      where r.rolname = current_user and t.tablename = 'account'""")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getBoolean(1)).as("superuser").isFalse();
            assertThat(r.getBoolean(2)).as("bypasses RLS").isFalse();
            assertThat(r.getBoolean(3)).as("owns the table").isFalse();
        }
    }

    @Test
    void aTenantSeesOnlyItsOwnAccounts() throws SQLException {
        try (Connection c = appAs(tenantA)) {
            assertThat(usernames(c, "")).containsExactly("a.admin", "a.principal1");
            assertThat(usernames(c, "where tenant_id = " + tenantB)).isEmpty();
            assertThat(usernames(c, "where id = " + accountOfB)).isEmpty();
            c.rollback();
        }
    }

    @Test
    void aTenantCannotInsertRowsAsAnotherTenant() throws SQLException {
        try (Connection c = appAs(tenantA); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("insert into account (tenant_id, username, display_name, roles) "
                    + "values (" + tenantB + ", 'b.intruder', 'x', 'TENANT_ADMIN')"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as("insufficient privilege").isEqualTo("42501"))
                    .hasMessageContaining("row-level security");
            c.rollback();
        }
        assertThat(countAsOwner("username = 'b.intruder'")).isZero();
    }

    @Test
    void aTenantCannotUpdateOrDeleteAnotherTenantsRows() throws SQLException {
        try (Connection c = appAs(tenantA); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("update account set display_name = 'hijacked' where tenant_id = " + tenantB)).isZero();
            assertThat(s.executeUpdate("delete from account where id = " + accountOfB)).isZero();
            c.commit();
        }
        assertThat(countAsOwner("username = 'b.admin' and display_name = 'B admin'")).isOne();
    }

    @Test
    void aTenantCannotMoveItsOwnRowsToAnotherTenant() throws SQLException {
        try (Connection c = appAs(tenantA); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update account set tenant_id = " + tenantB + " where username = 'a.principal1'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as("insufficient privilege").isEqualTo("42501"));
            c.rollback();
        }
        assertThat(countAsOwner("username = 'a.principal1' and tenant_id = " + tenantA)).isOne();
    }

    @Test
    void withoutATenantNothingIsVisibleOrWritable() throws SQLException {
        try (Connection c = appAs(null); Statement s = c.createStatement()) {
            assertThat(usernames(c, "")).isEmpty();
            assertThatThrownBy(() -> s.executeUpdate("insert into account (tenant_id, username, display_name, roles) "
                    + "values (" + tenantA + ", 'a.nobody', 'x', 'PRINCIPAL')"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as("insufficient privilege").isEqualTo("42501"));
            c.rollback();
        }
    }

    @Test
    void theTenantSettingEndsWithItsTransaction() throws SQLException {
        try (Connection c = appAs(tenantA)) {
            assertThat(usernames(c, "")).hasSize(2);
            c.commit();
            // same physical connection, next transaction, no tenant set: fails closed
            assertThat(usernames(c, "")).isEmpty();
            c.rollback();
        }
    }

    @Test
    void platformTablesAreReadableButNotWritable() throws SQLException {
        try (Connection c = appAs(tenantA); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select count(*) from tenant")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(3);
            }
            assertThatThrownBy(() -> s.executeUpdate("update tenant set name_zh = 'x'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as("insufficient privilege").isEqualTo("42501"))
                    .hasMessageContaining("permission denied");
            c.rollback();
        }
    }

    @Test
    void signInLookupWorksBeforeATenantIsKnownAndRevealsOnlyOneLogin() throws SQLException {
        try (Connection c = appAs(null);
             PreparedStatement p = c.prepareStatement("select tenant_id, roles from identity_find_login(?)")) {
            p.setString(1, "b.admin");
            try (ResultSet r = p.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getLong(1)).isEqualTo(tenantB);
                assertThat(r.next()).isFalse();
            }
            c.rollback();
        }
    }

    @Test
    void publishedPlanItemsAreReadableByMembersOnlyAndDraftsStayHome() throws SQLException {
        try (Connection a = appAs(tenantA); Connection b = appAs(tenantB); Connection c = appAs(tenantC)) {
            assertThat(titles(a)).containsExactly("A draft", "A published");
            assertThat(titles(b)).containsExactly("A published");
            assertThat(titles(c)).isEmpty();
            assertThat(count(b, "select count(*) from work_plan")).isOne();
            assertThat(count(c, "select count(*) from work_plan")).isZero();
            // co-organiser rows follow their item's visibility
            assertThat(count(b, "select count(*) from plan_item_co_organiser")).isOne();
            assertThat(count(c, "select count(*) from plan_item_co_organiser")).isZero();
            a.rollback();
            b.rollback();
            c.rollback();
        }
    }

    @Test
    void aMemberCannotChangeAnotherMembersPublishedItem() throws SQLException {
        try (Connection b = appAs(tenantB); Statement s = b.createStatement()) {
            assertThat(s.executeUpdate("update plan_item set title = 'hijacked' where id = " + publishedOfA)).isZero();
            assertThat(s.executeUpdate("delete from plan_item where id = " + publishedOfA)).isZero();
            assertThatThrownBy(() -> s.executeUpdate("insert into plan_item (tenant_id, plan_id, community_id, year, position, title, category) "
                    + "select tenant_id, id, community_id, year, 9, 'planted', 'OTHER' from work_plan"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as("insufficient privilege").isEqualTo("42501"));
            b.rollback();
        }
        try (Connection owner = TestDatabase.owner(db)) {
            assertThat(count(owner, "select count(*) from plan_item where title = 'A published'")).isOne();
            assertThat(count(owner, "select count(*) from plan_item where title in ('hijacked', 'planted')")).isZero();
        }
    }

    @Test
    void theAuditTrailIsInsertOnlyAndReadableOnlyForTheOwnTenant() throws SQLException {
        try (Connection a = appAs(tenantA); Statement s = a.createStatement()) {
            s.execute("insert into audit_entry (tenant_id, actor, entity, entity_id, action) values (" + tenantA + ", 'a.admin', 'x', '1', 'create')");
            a.commit();
        }
        try (Connection a = appAs(tenantA); Statement s = a.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("insert into audit_entry (tenant_id, actor, entity, entity_id, action) values ("
                    + tenantB + ", 'a.admin', 'x', '1', 'forged')")).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as("insufficient privilege").isEqualTo("42501"));
            a.rollback();
        }
        try (Connection a = appAs(tenantA); Statement s = a.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("select * from audit_entry")).hasMessageContaining("permission denied");
            a.rollback();
        }
        try (Connection a = appAs(tenantA); Statement s = a.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_entry")).hasMessageContaining("permission denied");
            a.rollback();
        }
        try (Connection a = appAs(tenantA); Connection b = appAs(tenantB)) {
            assertThat(count(a, "select count(*) from audit_entries(null, 50)")).isOne();
            assertThat(count(b, "select count(*) from audit_entries(null, 50)")).isZero();
            a.rollback();
            b.rollback();
        }
    }

    @Test
    void outboxMessagesCanBeQueuedButNotReadOrForgedForAnotherTenant() throws SQLException {
        try (Connection a = appAs(tenantA); Statement s = a.createStatement()) {
            s.execute("insert into outbox_message (tenant_id, recipient, subject, body) values (" + tenantA + ", 'x@example.cn', 's', 'b')");
            a.commit();
        }
        try (Connection a = appAs(tenantA); Statement s = a.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("select * from outbox_message")).hasMessageContaining("permission denied");
            a.rollback();
        }
        try (Connection a = appAs(tenantA); Statement s = a.createStatement()) {
            assertThatThrownBy(() -> s.execute("insert into outbox_message (tenant_id, recipient, subject, body) values ("
                    + tenantB + ", 'x@example.cn', 's', 'b')")).hasMessageContaining("row-level security");
            a.rollback();
        }
    }

    @Test
    void inAppNotificationsCanBeSentAcrossTenantsButReadOnlyByTheRecipientsTenant() throws SQLException {
        try (Connection a = appAs(tenantA); Statement s = a.createStatement()) {
            s.execute("insert into notification (tenant_id, account_id, sender_tenant_id, message_key) values ("
                    + tenantB + ", " + accountOfB + ", " + tenantA + ", 'notify.test')");
            a.commit();
        }
        try (Connection a = appAs(tenantA); Statement s = a.createStatement()) {
            assertThatThrownBy(() -> s.execute("insert into notification (tenant_id, account_id, sender_tenant_id, message_key) values ("
                    + tenantB + ", " + accountOfB + ", " + tenantB + ", 'notify.forged')")).hasMessageContaining("row-level security");
            a.rollback();
        }
        try (Connection a = appAs(tenantA); Connection b = appAs(tenantB); Statement sa = a.createStatement()) {
            assertThat(count(a, "select count(*) from notification")).as("the sender cannot read it back").isZero();
            assertThat(sa.executeUpdate("update notification set read_at = now()")).isZero();
            assertThat(count(b, "select count(*) from notification where message_key = 'notify.test' and read_at is null")).isOne();
            a.commit();
            b.rollback();
        }
        try (Connection b = appAs(tenantB); Statement s = b.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update notification set message_key = 'notify.changed'"))
                    .hasMessageContaining("permission denied");
            b.rollback();
        }
    }

    @Test
    void aTenantLearnsTheAdminsOfFellowMembersOnly() throws SQLException {
        try (Connection a = appAs(tenantA); Connection c = appAs(tenantC)) {
            assertThat(count(a, "select count(*) from identity_tenant_admins(" + tenantB + ")")).isOne();
            assertThat(count(a, "select count(*) from identity_tenant_admins(" + tenantA + ")")).as("its own").isOne();
            assertThat(count(c, "select count(*) from identity_tenant_admins(" + tenantB + ")")).as("no shared community").isZero();
            a.rollback();
            c.rollback();
        }
    }

    private static int countAsOwner(String where) throws SQLException {
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement();
             ResultSet r = s.executeQuery("select count(*) from account where " + where)) {
            r.next();
            return r.getInt(1);
        }
    }
}
