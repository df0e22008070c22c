package org.educommons.platform.database;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;

/**
 * The application's data sources. Request work logs in as the application role, never as the
 * schema owner, so PostgreSQL's row-level security applies to every request. The mail sender logs
 * in as a role of its own, the only one allowed to read every tenant's queued mail; its connections
 * are not enlisted in JTA transactions: it sends one message per local transaction of its own.
 * Values come from MicroProfile Config (system properties or environment such as
 * {@code EDUCOMMONS_DB_URL}).
 */
@DataSourceDefinitions({
        @DataSourceDefinition(
                name = DatabaseConfiguration.DATA_SOURCE,
                className = "org.postgresql.ds.PGSimpleDataSource",
                url = "${MPCONFIG=educommons.db.url}",
                user = "${MPCONFIG=educommons.db.app-user}",
                password = "${MPCONFIG=educommons.db.app-password}",
                minPoolSize = 2,
                maxPoolSize = 40,
                loginTimeout = 5,
                properties = {
                        // a database that is down is reported within seconds (503), never waited for
                        "connectTimeout=5",
                        "fish.payara.max-wait-time-in-millis=10000",
                        "fish.payara.is-connection-validation-required=true",
                        // a connection is checked when it was last checked 10 s ago or more, not on every
                        // checkout (a round trip each, two per request): a database that went away is still
                        // noticed at once (the failing statement answers 503, see ProblemResponses), and
                        // after it is back, connections of the old one are dropped within 10 s
                        "fish.payara.validate-atmost-once-period-in-seconds=10",
                        "fish.payara.connection-validation-method=custom-validation",
                        "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                        "fish.payara.fail-all-connections=true"
                }),
        @DataSourceDefinition(
                name = DatabaseConfiguration.MAIL_DATA_SOURCE,
                className = "org.postgresql.ds.PGSimpleDataSource",
                url = "${MPCONFIG=educommons.db.url}",
                user = "${MPCONFIG=educommons.db.mailer-user}",
                password = "${MPCONFIG=educommons.db.mailer-password}",
                transactional = false,
                minPoolSize = 0,
                maxPoolSize = 2,
                properties = {
                        "fish.payara.is-connection-validation-required=true",
                        "fish.payara.connection-validation-method=custom-validation",
                        "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                        "fish.payara.fail-all-connections=true"
                })
})
public class DatabaseConfiguration {

    public static final String DATA_SOURCE = "java:app/jdbc/educommons";
    /** The mail sender's own data source (role {@code educommons.db.mailer-user}). */
    public static final String MAIL_DATA_SOURCE = "java:app/jdbc/educommons-mailer";

    private DatabaseConfiguration() {
    }
}
