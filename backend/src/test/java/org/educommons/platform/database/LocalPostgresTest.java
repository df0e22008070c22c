package org.educommons.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.educommons.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class LocalPostgresTest {

    private static Path newDataFolder() throws Exception {
        Path folder = Files.createTempDirectory(Path.of(System.getenv().getOrDefault("TMPDIR", "/tmp")), "educommons-pg-test");
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return folder.resolve("data");
    }

    /** The authentication methods of the rules the running server has loaded. */
    private static List<String> loadedAuthenticationMethods(Connection superuser) throws SQLException {
        List<String> methods = new ArrayList<>();
        try (Statement s = superuser.createStatement();
             ResultSet r = s.executeQuery("select auth_method from pg_hba_file_rules where error is null order by rule_number")) {
            while (r.next()) {
                methods.add(r.getString(1));
            }
        }
        return methods;
    }

    /**
     * Without a password the server asks for one (the driver then gives up: 08004, "the server requested
     * SCRAM-based authentication"); with a wrong one the server refuses it (28P01).
     */
    private static void assertOnlyTheSecretOpens(LocalPostgres pg, String secret) throws SQLException {
        assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl("postgres"), LocalPostgres.SUPERUSER, "").close())
                .as("superuser without a password")
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("08004");
                    assertThat(e.getMessage()).contains("SCRAM");
                });
        assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl("postgres"), LocalPostgres.SUPERUSER,
                "a-wrong-but-long-password").close())
                .as("superuser with a wrong password")
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), LocalPostgres.SUPERUSER, secret)) {
            assertThat(loadedAuthenticationMethods(c)).as("rules loaded by the server").isNotEmpty().containsOnly("scram-sha-256");
        }
    }

    @Test
    void theServerNeverRunsAsRootAndItsDataSurvivesARestart() throws Exception {
        Path data = newDataFolder();
        String secret = TestDatabase.generatedSecret();

        try (LocalPostgres pg = LocalPostgres.start(data, 0, secret)) {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            int uid = (Integer) Files.getAttribute(Path.of("/proc", String.valueOf(pid)), "unix:uid");
            assertThat(uid).as("uid of the postmaster").isNotZero();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), LocalPostgres.SUPERUSER, secret);
                 Statement s = c.createStatement()) {
                s.execute("create table kept (v text)");
                s.execute("insert into kept values ('川南渝西')");
            }
        }
        assertThat(data.resolve("postmaster.pid")).doesNotExist();

        try (LocalPostgres pg = LocalPostgres.start(data, 0, secret);
             Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), LocalPostgres.SUPERUSER, secret);
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("select v from kept")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("川南渝西");
        }
    }

    @Test
    void onlyTheSuperusersSecretOpensTheServer() throws Exception {
        Path data = newDataFolder();
        String secret = TestDatabase.generatedSecret();
        try (LocalPostgres pg = LocalPostgres.start(data, 0, secret)) {
            assertOnlyTheSecretOpens(pg, secret);
        }
        assertThat(Files.list(data.getParent()).map(p -> p.getFileName().toString()))
                .as("no password file left next to the data folder")
                .noneMatch(name -> name.startsWith(".initdb-"));
    }

    @Test
    void aFolderThatTrustedEveryLocalConnectionRequiresThePasswordAfterItsNextStart() throws Exception {
        Path data = newDataFolder();
        String secret = TestDatabase.generatedSecret();
        // a folder as older versions left it: pg_hba.conf trusts every connection, the superuser has no password
        try (LocalPostgres pg = LocalPostgres.start(data, 0, secret);
             Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), LocalPostgres.SUPERUSER, secret);
             Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('泸州')");
            s.execute("alter role " + LocalPostgres.SUPERUSER + " password null");
        }
        Path hba = data.resolve("pg_hba.conf");
        Files.writeString(hba, Files.readString(hba).replace("scram-sha-256", "trust"));
        assertThat(Files.readString(hba)).contains("trust");

        try (LocalPostgres pg = LocalPostgres.start(data, 0, secret)) {
            assertOnlyTheSecretOpens(pg, secret);
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), LocalPostgres.SUPERUSER, secret);
                 Statement s = c.createStatement(); ResultSet r = s.executeQuery("select v from kept")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("泸州");
            }
        }
        assertThat(Files.readAllLines(hba)).noneMatch(line -> !line.startsWith("#") && line.contains("trust"));

        // and it keeps working on the start after
        try (LocalPostgres pg = LocalPostgres.start(data, 0, secret)) {
            assertOnlyTheSecretOpens(pg, secret);
        }
    }
}
