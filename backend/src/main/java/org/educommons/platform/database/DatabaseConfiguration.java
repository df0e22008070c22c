package org.educommons.platform.database;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The application's one data source. It logs in as the application role, never as the schema
 * owner, so PostgreSQL's row-level security applies to every request. Values come from
 * MicroProfile Config (system properties or environment such as {@code EDUCOMMONS_DB_URL}).
 */
@DataSourceDefinition(
        name = DatabaseConfiguration.DATA_SOURCE,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=educommons.db.url}",
        user = "${MPCONFIG=educommons.db.app-user}",
        password = "${MPCONFIG=educommons.db.app-password}",
        minPoolSize = 2,
        maxPoolSize = 40,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                "fish.payara.fail-all-connections=true"
        })
public class DatabaseConfiguration {

    public static final String DATA_SOURCE = "java:app/jdbc/educommons";

    private DatabaseConfiguration() {
    }
}
