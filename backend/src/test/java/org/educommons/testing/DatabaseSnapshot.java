package org.educommons.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.educommons.platform.database.DatabaseSettings;

/**
 * The rows of a live database, copied aside and put back in place while a server keeps its
 * connections to it open: a suite that shares one running server between test classes still starts
 * each class on exactly the data the server had when it was ready. The copy lives in the schema
 * {@value #SCHEMA} of the same database, which the application's roles cannot read; it holds every
 * table's rows (generated columns aside) and every sequence's position. The schema history is left
 * as it is.
 *
 * <p>Putting rows back bypasses triggers and foreign-key checks ({@code session_replication_role =
 * replica}), as a restore must: the copied rows already satisfied them, and triggers such as the
 * seat tallies would otherwise count the restored rows a second time. That needs a superuser,
 * which the embedded PostgreSQL's owner is; see {@link #possible}.
 */
public final class DatabaseSnapshot {

    static final String SCHEMA = "test_snapshot";
    private static final String SEQUENCES = "$sequences";

    private DatabaseSnapshot() {
    }

    /** Whether the owner of {@code db} may take and restore snapshots (it must be a superuser). */
    public static boolean possible(DatabaseSettings db) {
        try (Connection c = TestDatabase.owner(db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
            return r.next() && r.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the owner's role: " + e.getMessage(), e);
        }
    }

    /** Copies every table's rows and every sequence's position of {@code db} aside (replacing an earlier copy). */
    public static void take(DatabaseSettings db) {
        try (Connection c = TestDatabase.owner(db); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
            s.execute("revoke all on schema " + SCHEMA + " from public");
            for (Table t : tables(c)) {
                s.execute("create table " + t.copy() + " as select " + t.columns() + " from " + t.name());
            }
            s.execute("create table " + SCHEMA + ".\"" + SEQUENCES + "\" as select schemaname, sequencename, last_value, start_value"
                    + " from pg_sequences where schemaname <> '" + SCHEMA + "'");
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take a snapshot of " + db.url() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts the rows and sequence positions of the last {@link #take} back, in one transaction: whatever
     * was written since is gone. Retried when a transaction of the running server deadlocks with it.
     */
    public static void restore(DatabaseSettings db) {
        SQLException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try (Connection c = TestDatabase.owner(db); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.execute("set local session_replication_role = replica");
                s.execute("set local lock_timeout = '20s'");
                List<Table> tables = tables(c);
                List<String> names = new ArrayList<>();
                tables.forEach(t -> names.add(t.name()));
                s.execute("truncate table " + String.join(", ", names));
                for (Table t : tables) {
                    s.execute("insert into " + t.name() + " (" + t.columns() + ") overriding system value select "
                            + t.columns() + " from " + t.copy());
                }
                s.execute("select setval(format('%I.%I', schemaname, sequencename), coalesce(last_value, start_value),"
                        + " last_value is not null) from " + SCHEMA + ".\"" + SEQUENCES + "\"");
                c.commit();
                return;
            } catch (SQLException e) {
                last = e;
                if (!"40P01".equals(e.getSQLState()) && !"55P03".equals(e.getSQLState())) {
                    break; // not a deadlock or lock timeout: trying again would not help
                }
            }
        }
        throw new IllegalStateException("Could not restore the snapshot of " + db.url() + ": " + last.getMessage(), last);
    }

    /** A table to copy: its qualified, quoted name, its copy's and its insertable columns. */
    private record Table(String name, String copy, String columns) {
    }

    private static List<Table> tables(Connection c) throws SQLException {
        List<Table> tables = new ArrayList<>();
        String sql = """
                select format('%I.%I', n.nspname, t.relname),
                       format('%I.%I', ?, n.nspname || '.' || t.relname),
                       (select string_agg(format('%I', a.attname), ', ' order by a.attnum) from pg_attribute a
                         where a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '')
                  from pg_class t join pg_namespace n on n.oid = t.relnamespace
                 where t.relkind in ('r', 'p') and not t.relispartition
                   and n.nspname not in ('pg_catalog', 'information_schema', ?) and n.nspname not like 'pg\\_%'
                   and t.relname <> 'flyway_schema_history'
                 order by 1""";
        try (var p = c.prepareStatement(sql)) {
            p.setString(1, SCHEMA);
            p.setString(2, SCHEMA);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    tables.add(new Table(r.getString(1), r.getString(2), r.getString(3)));
                }
            }
        }
        return tables;
    }
}
