package org.educommons.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.educommons.platform.database.DatabaseSettings;
import org.educommons.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tenant tree as PostgreSQL keeps and enforces it, attacked through the application role's own
 * connections: a five-level system (province, city, district, school cluster, school) with a second
 * district and a second city beside it. The ancestry follows every move and refuses a cycle; a tenant
 * above reads what its whole subtree published and none of its drafts; a tenant below reads nothing of
 * its ancestors' plans, nor of another branch; nobody above may change a row below.
 */
class TenantTreeTest {

    DatabaseSettings db;
    /** slug → id, top down: jl > cc > cy > cy-1 > cy-1-1; cc > ng; jc */
    final Map<String, Long> tenants = new LinkedHashMap<>();

    @BeforeEach
    void aFiveLevelSystemWithAPublishedItemAndADraftEach() throws SQLException {
        db = TestDatabase.migrated("tree");
        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            // the plans' community has none of them as members: whatever they read here, the tree lets them
            s.execute("insert into community (slug, name_zh, name_en, founded_in) values ('plans', '计划', 'Plans', 2020)");
            tenant(s, "jl", "PROVINCE", null);
            tenant(s, "cc", "CITY", "jl");
            tenant(s, "cy", "DISTRICT", "cc");
            tenant(s, "cy-1", "SCHOOL_CLUSTER", "cy");
            tenant(s, "cy-1-1", "SCHOOL", "cy-1");
            tenant(s, "ng", "DISTRICT", "cc");
            tenant(s, "jc", "CITY", "jl");
        }
        for (String slug : tenants.keySet()) {
            try (Connection c = TestDatabase.appAs(db, tenants.get(slug)); Statement s = c.createStatement()) {
                s.execute("""
                        insert into work_plan (tenant_id, community_id, year, published_at)
                        select %d, id, 2026, now() from community""".formatted(tenants.get(slug)));
                s.execute("""
                        insert into work_plan (tenant_id, community_id, year)
                        select %d, id, 2027 from community""".formatted(tenants.get(slug)));
                for (int year : new int[] {2026, 2027}) {
                    s.execute("""
                            insert into plan_item (tenant_id, plan_id, community_id, year, position, title, category,
                                                   start_month, end_month, published_at)
                            select p.tenant_id, p.id, p.community_id, p.year, 1, '%s-%d', 'TRAINING', 5, 5, p.published_at
                              from work_plan p where p.year = %d""".formatted(slug, year, year));
                }
                c.commit();
            }
        }
    }

    private void tenant(Statement s, String slug, String kind, String parent) throws SQLException {
        try (ResultSet r = s.executeQuery("insert into tenant (slug, name_zh, name_en, kind, region, parent_id) values ('"
                + slug + "', '" + slug + "', '" + slug + "', '" + kind + "', 'r', " + (parent == null ? "null" : tenants.get(parent))
                + ") returning id")) {
            r.next();
            tenants.put(slug, r.getLong(1));
        }
    }

    private List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    private List<String> ancestorsOf(String slug) throws SQLException {
        try (Connection owner = TestDatabase.owner(db)) {
            return rows(owner, """
                    select t.slug || ':' || a.depth from tenant_ancestry a join tenant t on t.id = a.ancestor_id
                     where a.descendant_id = (select id from tenant where slug = '%s') order by a.depth""".formatted(slug));
        }
    }

    /** The plan items {@code slug} reads as the application role, acting for its own tenant. */
    private List<String> itemsReadBy(String slug) throws SQLException {
        try (Connection c = TestDatabase.appAs(db, tenants.get(slug))) {
            List<String> items = rows(c, "select title from plan_item order by title");
            List<String> plans = rows(c, "select t.slug || '-' || p.year from work_plan p join tenant t on t.id = p.tenant_id order by 1");
            assertThat(plans).as("the plans %s reads match its items", slug)
                    .containsExactlyElementsOf(items);
            return items;
        }
    }

    @Test
    void theAncestryFollowsTheParentsEvenWhenASubtreeMovesAndACycleIsRefused() throws SQLException {
        assertThat(ancestorsOf("cy-1-1")).containsExactly("cy-1:1", "cy:2", "cc:3", "jl:4");
        assertThat(ancestorsOf("jl")).isEmpty();

        try (Connection owner = TestDatabase.owner(db); Statement s = owner.createStatement()) {
            // the Chaoyang district moves under the other city: its whole subtree goes with it
            s.execute("update tenant set parent_id = " + tenants.get("jc") + " where slug = 'cy'");
            assertThat(ancestorsOf("cy-1-1")).containsExactly("cy-1:1", "cy:2", "jc:3", "jl:4");

            assertThatThrownBy(() -> s.execute("update tenant set parent_id = " + tenants.get("cy-1-1") + " where slug = 'jl'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"))
                    .hasMessageContaining("own ancestor");
            assertThat(ancestorsOf("jl")).as("the refused move changed nothing").isEmpty();

            s.execute("delete from plan_item where tenant_id = " + tenants.get("ng"));
            s.execute("delete from work_plan where tenant_id = " + tenants.get("ng"));
            s.execute("delete from tenant where slug = 'ng'");
            assertThat(rows(owner, "select count(*) from tenant_ancestry where descendant_id = " + tenants.get("ng")
                    + " or ancestor_id = " + tenants.get("ng"))).containsExactly("0");
        }
    }

    @Test
    void aTenantAboveReadsWhatItsWholeSubtreePublishedAndNeverADraft() throws SQLException {
        assertThat(itemsReadBy("jl")).containsExactly("cc-2026", "cy-1-1-2026", "cy-1-2026", "cy-2026", "jc-2026",
                "jl-2026", "jl-2027", "ng-2026");
        assertThat(itemsReadBy("cc")).containsExactly("cc-2026", "cc-2027", "cy-1-1-2026", "cy-1-2026", "cy-2026", "ng-2026");
        assertThat(itemsReadBy("cy-1")).containsExactly("cy-1-1-2026", "cy-1-2026", "cy-1-2027");
    }

    @Test
    void aTenantBelowReadsNothingOfItsAncestorsNorOfAnotherBranch() throws SQLException {
        assertThat(itemsReadBy("cy-1-1")).containsExactly("cy-1-1-2026", "cy-1-1-2027");
        assertThat(itemsReadBy("ng")).as("a sibling district").containsExactly("ng-2026", "ng-2027");
        assertThat(itemsReadBy("jc")).as("the other city").containsExactly("jc-2026", "jc-2027");
        try (Connection c = TestDatabase.app(db)) {
            c.setAutoCommit(false);
            assertThat(rows(c, "select count(*) from plan_item")).as("no tenant bound: nothing").containsExactly("0");
        }
    }

    @Test
    void aTenantAboveCannotChangeOrRemoveARowBelow() throws SQLException {
        try (Connection c = TestDatabase.appAs(db, tenants.get("jl")); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("update plan_item set title = 'taken over' where tenant_id = " + tenants.get("cy")))
                    .isZero();
            assertThat(s.executeUpdate("delete from plan_item where tenant_id = " + tenants.get("cy"))).isZero();
            assertThat(s.executeUpdate("update work_plan set published_at = null where tenant_id = " + tenants.get("cy")))
                    .isZero();
            c.commit();
        }
        assertThat(itemsReadBy("jl")).contains("cy-2026");
    }
}
