package org.educommons.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.educommons.platform.database.DatabaseSettings;
import org.educommons.platform.database.LocalPostgres;
import org.educommons.platform.database.SchemaMigrator;

/**
 * A real PostgreSQL for tests: the server named by {@code EDUCOMMONS_DB_URL} (with
 * {@code EDUCOMMONS_DB_USER} / {@code EDUCOMMONS_DB_PASSWORD}, a role allowed to create
 * databases and roles) when set, otherwise an embedded one started once per test JVM, whose superuser
 * logs in with a password generated for that JVM. Every caller gets a fresh, empty database of its own.
 */
public final class TestDatabase {

    public static final String APP_PASSWORD = "educommons-test-app-password";
    public static final String MAILER_PASSWORD = "educommons-test-mailer-password";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final java.util.List<String> CREATED_ON_EXTERNAL_SERVER = new java.util.ArrayList<>();
    private static Server server;

    private TestDatabase() {
    }

    private record Server(String adminUrl, String user, String password, String urlPrefix) {
    }

    /** A new empty database (not yet migrated). */
    public static synchronized DatabaseSettings fresh(String purpose) {
        Server s = server();
        String name = ("ec_" + purpose + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet())
                .toLowerCase().replaceAll("[^a-z0-9_]", "_");
        LocalPostgres.ensureDatabase(s.adminUrl(), s.user(), s.password(), name);
        if (System.getenv("EDUCOMMONS_DB_URL") != null && !System.getenv("EDUCOMMONS_DB_URL").isBlank()) {
            CREATED_ON_EXTERNAL_SERVER.add(name);
        }
        return new DatabaseSettings(s.urlPrefix() + name, s.user(), s.password(),
                DatabaseSettings.DEFAULT_APP_USER, APP_PASSWORD, DatabaseSettings.DEFAULT_MAILER_USER, MAILER_PASSWORD);
    }

    /** A new database with the current schema. */
    public static DatabaseSettings migrated(String purpose) {
        DatabaseSettings settings = fresh(purpose);
        SchemaMigrator.migrate(settings);
        return settings;
    }

    /**
     * Replaces the database of {@code target} with a copy of {@code template} (a migrated database
     * nobody is connected to): a test class starts on exactly what the schema gives, whatever the
     * classes before it did. Connections still open on the target are ended.
     */
    public static synchronized void recreate(DatabaseSettings target, DatabaseSettings template) {
        Server s = server();
        String name = target.url().substring(target.url().lastIndexOf('/') + 1);
        String from = template.url().substring(template.url().lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), s.password()); var st = c.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
            st.execute("create database " + name + " template " + from);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not recreate " + name + " from " + from + ": " + e.getMessage(), e);
        }
        if (System.getenv("EDUCOMMONS_DB_URL") != null && !System.getenv("EDUCOMMONS_DB_URL").isBlank()
                && !CREATED_ON_EXTERNAL_SERVER.contains(name)) {
            CREATED_ON_EXTERNAL_SERVER.add(name);
        }
    }

    /** Settings for a database named after {@code purpose} that does not exist yet (see {@link #recreate}). */
    public static synchronized DatabaseSettings named(String purpose) {
        Server s = server();
        String name = ("ec_" + purpose + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet())
                .toLowerCase().replaceAll("[^a-z0-9_]", "_");
        return new DatabaseSettings(s.urlPrefix() + name, s.user(), s.password(),
                DatabaseSettings.DEFAULT_APP_USER, APP_PASSWORD, DatabaseSettings.DEFAULT_MAILER_USER, MAILER_PASSWORD);
    }

    public static Connection owner(DatabaseSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.url(), settings.ownerUser(), settings.ownerPassword());
    }

    public static Connection app(DatabaseSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.url(), settings.appUser(), settings.appPassword());
    }

    /** A connection as the mail sender's role, the only one that may read every tenant's queued mail. */
    public static Connection mailer(DatabaseSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.url(), settings.mailerUser(), settings.mailerPassword());
    }

    /**
     * A transaction on the application role's connection acting for {@code tenant} (none when
     * {@code null}), as the application opens one.
     */
    public static Connection appAs(DatabaseSettings settings, Long tenant) throws SQLException {
        Connection c = app(settings);
        c.setAutoCommit(false);
        if (tenant != null) {
            try (var p = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                p.setString(1, String.valueOf(tenant));
                p.executeQuery().close();
            }
        }
        return c;
    }

    private static synchronized void dropCreatedDatabases(String adminUrl, String user, String password) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); var s = c.createStatement()) {
            for (String name : CREATED_ON_EXTERNAL_SERVER) {
                s.execute("drop database if exists " + name + " with (force)");
            }
        } catch (SQLException ignored) {
            // best effort
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var files = java.nio.file.Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | RuntimeException ignored) {
            // best effort: a temporary folder
        }
    }

    /** A new random password, as the launcher generates its secrets. */
    public static String generatedSecret() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static LocalPostgres embedded;
    private static Path embeddedData;
    private static String embeddedPassword;

    /** Whether the tests' PostgreSQL is the embedded one, which a fault test may stop and start. */
    public static synchronized boolean canRestart() {
        server();
        return embedded != null;
    }

    /**
     * Stops the tests' embedded PostgreSQL (fast shutdown, as a crash of the service would look to
     * clients), runs {@code whileDown}, and starts it again on the same port and data.
     */
    public static synchronized void restart(Runnable whileDown) {
        if (!canRestart()) {
            throw new IllegalStateException("only the embedded PostgreSQL can be restarted by a test");
        }
        int port = embedded.port();
        embedded.close();
        try {
            whileDown.run();
        } finally {
            embedded = LocalPostgres.start(embeddedData, port, embeddedPassword);
        }
    }

    private static Server server() {
        if (server != null) {
            return server;
        }
        String external = System.getenv("EDUCOMMONS_DB_URL");
        if (external != null && !external.isBlank()) {
            String user = System.getenv().getOrDefault("EDUCOMMONS_DB_USER", "postgres");
            String password = System.getenv().getOrDefault("EDUCOMMONS_DB_PASSWORD", "");
            String prefix = external.substring(0, external.lastIndexOf('/') + 1);
            server = new Server(external, user, password, prefix);
            // a shared server keeps no test databases behind
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropCreatedDatabases(external, user, password)));
        } else {
            // under the system's temporary folder: as root the server runs as 'nobody', who must reach it
            Path folder = Path.of(System.getenv().getOrDefault("TMPDIR", "/tmp"), "educommons-test-pg-" + ProcessHandle.current().pid());
            String superuserPassword = generatedSecret();
            LocalPostgres pg = LocalPostgres.start(folder.resolve("data"), 0, superuserPassword);
            embedded = pg;
            embeddedData = folder.resolve("data");
            embeddedPassword = superuserPassword;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                embedded.close();
                deleteQuietly(folder);
            }));
            server = new Server(pg.jdbcUrl("postgres"), LocalPostgres.SUPERUSER, superuserPassword,
                    "jdbc:postgresql://localhost:" + pg.port() + "/");
        }
        return server;
    }
}
