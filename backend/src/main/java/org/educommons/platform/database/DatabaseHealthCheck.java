package org.educommons.platform.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** UP only while PostgreSQL answers a query over the application's own data source. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    public static final String NAME = "educommons-database";

    @Resource(lookup = DatabaseConfiguration.DATA_SOURCE)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(5);
            try (ResultSet r = s.executeQuery("select 1")) {
                r.next();
            }
            return HealthCheckResponse.named(NAME).up().build();
        } catch (Exception e) {
            return HealthCheckResponse.named(NAME).down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
