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

    /** A transaction on the application role's connection with {@code tenant} set, as the app does it. */
    private static Connection appAs(Long tenant) throws SQLException {
        Connection c = TestDatabase.app(db);
        c.setAutoCommit(false);
        if (tenant != null) {
            try (PreparedStatement p = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                p.setString(1, String.valueOf(tenant));
                p.executeQuery().close();
            }
        }
        return c;
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
                    .isInstanceOf(SQLException.class)
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
                    .isInstanceOf(SQLException.class);
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
                    .isInstanceOf(SQLException.class);
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
                assertThat(r.getInt(1)).isEqualTo(2);
            }
            assertThatThrownBy(() -> s.executeUpdate("update tenant set name_zh = 'x'"))
                    .isInstanceOf(SQLException.class)
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

    private static int countAsOwner(String where) throws SQLException {
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement();
             ResultSet r = s.executeQuery("select count(*) from account where " + where)) {
            r.next();
            return r.getInt(1);
        }
    }
}
