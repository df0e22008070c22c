package org.educommons.platform.database;

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

import org.educommons.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;

/**
 * A database migrated through every old version and then by the current migrations ends with
 * exactly the functions (with their grants), policies, triggers and tables of a database migrated
 * fresh. {@code db/history} holds V1..V23 as production databases ran them, before functions,
 * triggers and policies moved to repeatable migrations: a fixture, never to be edited.
 */
class FreshAndUpgradedSchemaTest {

    /** What the catalogue says, by kind; each entry one object, in a stable order. */
    private static final Map<String, String> CATALOGUE = new LinkedHashMap<>();

    static {
        CATALOGUE.put("functions", """
                select p.oid::regprocedure::text || E'\\n' || pg_get_functiondef(p.oid)
                       || E'\\nacl: ' || coalesce(p.proacl::text, 'default')
                  from pg_proc p where p.pronamespace = 'public'::regnamespace order by 1""");
        CATALOGUE.put("policies", """
                select concat_ws(' | ', tablename, policyname, permissive, cmd, roles::text,
                                 coalesce(qual, '-'), coalesce(with_check, '-'))
                  from pg_policies where schemaname = 'public' order by tablename, policyname""");
        CATALOGUE.put("triggers", """
                select pg_get_triggerdef(t.oid) from pg_trigger t
                 where not t.tgisinternal and t.tgrelid::regclass::text not like 'pg\\_%' order by 1""");
        CATALOGUE.put("columns", """
                select concat_ws(' | ', table_name, column_name, data_type,
                                 coalesce(column_default, '-'), is_nullable)
                  from information_schema.columns where table_schema = 'public'
                 order by table_name, ordinal_position""");
        CATALOGUE.put("indexes", """
                select indexdef from pg_indexes where schemaname = 'public' order by tablename, indexname""");
        CATALOGUE.put("constraints", """
                select c.conrelid::regclass::text || ' | ' || c.conname || ' | ' || pg_get_constraintdef(c.oid)
                  from pg_constraint c where c.connamespace = 'public'::regnamespace order by 1""");
        CATALOGUE.put("tables", """
                select concat_ws(' | ', c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity,
                                 coalesce(c.relacl::text, 'default'))
                  from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'S', 'v')
                 order by c.relname""");
    }

    @Test
    void aDatabaseMigratedThroughEveryOldVersionEndsAsAFreshOne() throws SQLException {
        assertUpgradedEqualsFresh("23");
    }

    @Test
    void aDatabaseMigratedThroughSomeOldVersionsEndsAsAFreshOne() throws SQLException {
        assertUpgradedEqualsFresh("15");
    }

    @Test
    void anyOtherHistoryMismatchStillStopsTheMigration() throws SQLException {
        DatabaseSettings db = TestDatabase.migrated("tampered_history");
        try (Connection c = TestDatabase.owner(db); Statement s = c.createStatement()) {
            s.executeUpdate("update flyway_schema_history set description = 'not what ran' where version = '7'");
        }
        assertThatThrownBy(() -> SchemaMigrator.migrate(db)).isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("description");
        try (Connection c = TestDatabase.owner(db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select description from flyway_schema_history where version = '7'")) {
            r.next();
            assertThat(r.getString(1)).as("not repaired").isEqualTo("not what ran");
        }
    }

    private static void assertUpgradedEqualsFresh(String oldVersion) throws SQLException {
        DatabaseSettings upgraded = TestDatabase.fresh("upgraded_from_" + oldVersion);
        Flyway.configure(FreshAndUpgradedSchemaTest.class.getClassLoader())
                .dataSource(upgraded.url(), upgraded.ownerUser(), upgraded.ownerPassword())
                .locations("classpath:db/history")
                .target(oldVersion)
                .placeholders(Map.of("appRole", upgraded.appUser(), "appPassword", upgraded.appPassword(),
                        "mailerRole", upgraded.mailerUser(), "mailerPassword", upgraded.mailerPassword()))
                .load()
                .migrate();
        SchemaMigrator.migrate(upgraded);
        assertThat(SchemaMigrator.migrate(upgraded).migrationsExecuted).as("once repaired, nothing left to do").isZero();
        DatabaseSettings fresh = TestDatabase.migrated("fresh");

        Map<String, List<String>> before = catalogue(upgraded);
        Map<String, List<String>> after = catalogue(fresh);
        for (String kind : CATALOGUE.keySet()) {
            assertThat(before.get(kind)).as(kind + " of a database upgraded from version " + oldVersion)
                    .containsExactlyElementsOf(after.get(kind));
        }
        org.educommons.testing.Proofs.report("schema-from-v" + oldVersion, "Fresh and upgraded from version " + oldVersion + ": " + after.get("functions").size()
                + " functions, " + after.get("policies").size() + " policies, " + after.get("triggers").size()
                + " triggers, " + after.get("columns").size() + " columns, " + after.get("indexes").size()
                + " indexes, " + after.get("constraints").size() + " constraints, " + after.get("tables").size()
                + " tables and sequences compared");
        assertThat(after.get("functions")).as("the comparison sees the functions").hasSizeGreaterThan(30);
        assertThat(after.get("policies")).as("the comparison sees the policies").hasSizeGreaterThan(30);
    }

    private static Map<String, List<String>> catalogue(DatabaseSettings db) throws SQLException {
        Map<String, List<String>> result = new LinkedHashMap<>();
        try (Connection c = TestDatabase.owner(db); Statement s = c.createStatement()) {
            for (var kind : CATALOGUE.entrySet()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery(kind.getValue())) {
                    while (r.next()) {
                        rows.add(r.getString(1));
                    }
                }
                result.put(kind.getKey(), rows);
            }
        }
        return result;
    }
}
