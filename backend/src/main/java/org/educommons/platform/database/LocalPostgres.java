package org.educommons.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL the product runs on when no server is configured: real PostgreSQL
 * binaries (zonky) with their data in a folder that survives restarts. Used by the launcher and
 * by tests; never packaged into the web application.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts PostgreSQL on {@code port} (0 picks a free one) with its data in {@code dataDirectory};
     * existing data there is kept and reused.
     */
    public static LocalPostgres start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            Path workDirectory = dataDirectory.resolveSibling("pg-binaries");
            Files.createDirectories(workDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(workDirectory.toFile())
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8")
                    .setServerConfig("timezone", "Asia/Shanghai")
                    .setServerConfig("max_connections", "100");
            if (port > 0) {
                builder.setPort(port);
            }
            return new LocalPostgres(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates {@code database} owned by the superuser unless it exists. */
    public void ensureDatabase(String database) {
        ensureDatabase(jdbcUrl("postgres"), SUPERUSER, "", database);
    }

    /** Creates {@code database} on the server at {@code adminUrl} unless it exists. */
    public static void ensureDatabase(String adminUrl, String user, String password, String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                c.createStatement().execute("create database " + database + " encoding 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }
}
