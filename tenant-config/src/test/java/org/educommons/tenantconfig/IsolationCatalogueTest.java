package org.educommons.tenantconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.educommons.platform.database.DatabaseSettings;
import org.educommons.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation, from PostgreSQL's own catalogue: every table with a {@code tenant_id} column is
 * probed as a tenant that belongs to no community, through the application role, on the demo
 * community (plans, a forum with registrations, activities, school pairs) plus one row of each kind
 * the demo lacks. That tenant must read none of the other tenants' rows and must not insert, move,
 * change or delete any of them. A table that appears without an entry here, or without a row to
 * probe, fails the test, so the probe grows with the schema.
 */
class IsolationCatalogueTest {

    /**
     * What an outsider's attempt to insert a copy of another tenant's row ends in, per table: 42501
     * is PostgreSQL refusing the privilege or the row-level policy.
     */
    static final Map<String, String> INSERT_REFUSED_WITH = new TreeMap<>(Map.ofEntries(
            Map.entry("access_token", "42501"),
            Map.entry("account", "42501"),
            Map.entry("account_invitation", "42501"),
            Map.entry("activity", "42501"),
            Map.entry("activity_attachment", "42501"),
            Map.entry("activity_organiser", "42501"),
            Map.entry("activity_pairing", "42501"),
            Map.entry("activity_plan_item", "42501"),
            Map.entry("activity_school", "42501"),
            Map.entry("audit_entry", "42501"),
            Map.entry("community_membership", "42501"),
            Map.entry("forum", "42501"),
            Map.entry("forum_member_tally", "42501"),
            Map.entry("forum_quota", "42501"),
            Map.entry("forum_registration", "42501"),
            Map.entry("forum_session", "42501"),
            Map.entry("forum_tally", "42501"),
            Map.entry("join_application", "42501"),
            Map.entry("notification", "42501"),
            Map.entry("outbox_message", "42501"),
            Map.entry("plan_item", "42501"),
            Map.entry("plan_item_change", "42501"),
            Map.entry("plan_item_co_organiser", "42501"),
            Map.entry("school", "42501"),
            Map.entry("training_record", "42501"),
            Map.entry("work_plan", "42501")));

    /** Tables every caller may read in full, and why. */
    static final Map<String, String> PUBLIC = Map.of(
            "community_membership", "the communities' rosters are public: who belongs where, since when");

    static DatabaseSettings db;
    static long outsider;

    @BeforeAll
    static void theDemoCommunityAndAnOutsider() throws Exception {
        db = TestDatabase.migrated("catalogue");
        List<ConfigFiles.ConfigFile> demo = ConfigFiles.onClasspath(ConfigFiles.DEMO, IsolationCatalogueTest.class.getClassLoader());
        java.util.Set<String> slugs = new java.util.HashSet<>();
        ConfigReader.read(demo).tenants().forEach(t -> slugs.add(t.slug()));
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            ConfigApplier.apply(ConfigReader.read(demo), owner);
            org.educommons.identity.DemoAccounts.seed(owner, slugs, password -> "not-a-real-hash");
            DemoPlans.apply(demo, owner);
            DemoForums.apply(demo, owner);
            DemoActivities.apply(demo, owner);
            // one row of each kind the demo set does not make
            s.execute("""
                    insert into access_token (tenant_id, token_hash, account_id, expires_at, scope)
                    select tenant_id, 'probe-token', id, now() + interval '1 hour', 'CALENDAR' from account where username = 'luzhou.admin';
                    insert into account_invitation (tenant_id, token_hash, account_id, expires_at)
                    select tenant_id, 'probe-invitation', id, now() + interval '1 day' from account where username = 'yongchuan.admin';
                    insert into notification (tenant_id, account_id, sender_tenant_id, message_key)
                    select tenant_id, id, tenant_id, 'notify.probe' from account where username = 'luzhou.principal1';
                    insert into audit_entry (tenant_id, actor, entity, entity_id, action)
                    select id, 'probe', 'probe', '1', 'probe' from tenant where slug = 'luzhou';
                    insert into plan_item_change (tenant_id, item_id, changed_by, changes)
                    select tenant_id, id, 'probe', '{}' from plan_item order by id limit 1;
                    insert into activity_attachment (tenant_id, activity_id, name, description)
                    select tenant_id, id, '总结.pdf', '活动总结' from activity order by id limit 1;
                    insert into outbox_message (tenant_id, recipient, subject, body)
                    select id, 'probe@example.cn', 'probe', 'probe' from tenant where slug = 'luzhou';
                    insert into join_application (community_id, name_zh, kind, region, contact_name, contact_email, reason,
                                                  status, meeting, meeting_date, tenant_id, decided_by, decided_at)
                    select c.id, '万盛经开区教育局', 'DISTRICT', '重庆市', '联系人', 'probe@example.cn', '加入', 'APPROVED',
                           '第七次联席会', date '2023-02-20', t.id, 'secretariat', now()
                      from community c, tenant t where c.slug = 'chuannan-yuxi' and t.slug = 'wansheng';
                    insert into training_record (tenant_id, account_id, source, source_tenant_id, source_id, title, held_on, hours)
                    select a.tenant_id, a.id, 'FORUM', f.tenant_id, f.id, f.title, f.starts_at::date, 6
                      from account a, forum f where a.username = 'yongchuan.principal1' order by f.id limit 1;
                    insert into tenant (slug, name_zh, name_en, kind, region)
                    values ('outsider', '局外教育局', 'Outsider Bureau', 'DISTRICT', '某省');
                    """);
            try (ResultSet r = s.executeQuery("select id from tenant where slug = 'outsider'")) {
                r.next();
                outsider = r.getLong(1);
            }
        }
    }

    @Test
    void noTenantReadsWritesMovesOrDeletesAnotherTenantsRowsInAnyTable() throws Exception {
        List<String> tables = tenantTables();
        assertThat(tables).as("every table with a tenant_id has an entry in this probe")
                .containsExactlyInAnyOrderElementsOf(INSERT_REFUSED_WITH.keySet());
        List<String> findings = new ArrayList<>();
        int probes = 0;
        for (String table : tables) {
            long others = ownerCount("select count(*) from " + table + " where tenant_id is distinct from " + outsider);
            if (others == 0) {
                findings.add(table + ": no row of another tenant to probe (seed one)");
                continue;
            }
            probes += 5;
            long read = asOutsider(s -> count(s, "select count(*) from " + table + " where tenant_id is distinct from " + outsider));
            if (read != 0 && !PUBLIC.containsKey(table)) {
                findings.add(table + ": read " + read + " of " + others + " rows of other tenants");
            }
            String insert = sqlStateAsOutsider("insert into " + table + " overriding system value select (json_populate_record(null::"
                    + table + ", cast(? as json))).*", ownerRowAsJson(table));
            if (!INSERT_REFUSED_WITH.get(table).equals(insert)) {
                findings.add(table + ": insert of another tenant's row ended in " + insert);
            }
            check(findings, table, "move", "update " + table + " set tenant_id = " + outsider + " where tenant_id <> " + outsider);
            check(findings, table, "change", "update " + table + " set tenant_id = tenant_id where tenant_id <> " + outsider);
            check(findings, table, "delete", "delete from " + table + " where tenant_id <> " + outsider);
        }
        org.educommons.testing.Proofs.report("isolation-catalogue", "Isolation catalogue: " + tables.size() + " tenant tables, " + probes + " probes as an outsider, "
                + findings.size() + " findings");
        assertThat(findings).isEmpty();
        assertThat(ownerCount("select count(*) from forum_registration")).as("the probes changed nothing").isPositive();
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** A write must touch no row, or be refused outright; what it did is rolled back either way. */
    private static void check(List<String> findings, String table, String what, String sql) throws SQLException {
        try (Connection c = TestDatabase.appAs(db, outsider); Statement s = c.createStatement()) {
            try {
                int rows = s.executeUpdate(sql);
                if (rows != 0) {
                    findings.add(table + ": " + what + " touched " + rows + " rows of other tenants");
                }
            } catch (SQLException e) {
                if (!"42501".equals(e.getSQLState())) {
                    findings.add(table + ": " + what + " failed with " + e.getSQLState() + " " + e.getMessage());
                }
            }
            c.rollback();
        }
    }

    private static List<String> tenantTables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = TestDatabase.owner(db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                      where n.nspname = 'public' and c.relkind in ('r', 'p')
                        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                                                                   and not a.attisdropped)
                      order by 1""")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        return tables;
    }

    private static long ownerCount(String sql) throws SQLException {
        try (Connection c = TestDatabase.owner(db); Statement s = c.createStatement()) {
            return count(s, sql);
        }
    }

    private static String ownerRowAsJson(String table) throws SQLException {
        try (Connection c = TestDatabase.owner(db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select row_to_json(t)::text from " + table + " t where tenant_id is distinct from "
                     + outsider + " limit 1")) {
            r.next();
            return r.getString(1);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private interface Probe {
        long run(Statement s) throws SQLException;
    }

    private static long asOutsider(Probe probe) throws SQLException {
        try (Connection c = TestDatabase.appAs(db, outsider); Statement s = c.createStatement()) {
            try {
                return probe.run(s);
            } catch (SQLException e) {
                if ("42501".equals(e.getSQLState())) {
                    return 0; // not even allowed to look
                }
                throw e;
            } finally {
                c.rollback();
            }
        }
    }

    /** The SQLState an insert ends in as the outsider ("none" when it succeeds); always rolled back. */
    private static String sqlStateAsOutsider(String sql, String json) throws SQLException {
        try (Connection c = TestDatabase.appAs(db, outsider); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, json);
            try {
                s.executeUpdate();
                return "none";
            } catch (SQLException e) {
                return e.getSQLState();
            } finally {
                c.rollback();
            }
        }
    }
}
