package org.educommons.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class LocalPostgresTest {

    @Test
    void theServerNeverRunsAsRootAndItsDataSurvivesARestart() throws Exception {
        Path folder = Files.createTempDirectory(Path.of(System.getenv().getOrDefault("TMPDIR", "/tmp")), "educommons-pg-test");
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = folder.resolve("data");

        try (LocalPostgres pg = LocalPostgres.start(data, 0)) {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            int uid = (Integer) Files.getAttribute(Path.of("/proc", String.valueOf(pid)), "unix:uid");
            assertThat(uid).as("uid of the postmaster").isNotZero();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), LocalPostgres.SUPERUSER, "");
                 Statement s = c.createStatement()) {
                s.execute("create table kept (v text)");
                s.execute("insert into kept values ('川南渝西')");
            }
        }
        assertThat(data.resolve("postmaster.pid")).doesNotExist();

        try (LocalPostgres pg = LocalPostgres.start(data, 0);
             Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), LocalPostgres.SUPERUSER, "");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("select v from kept")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("川南渝西");
        }
    }
}
