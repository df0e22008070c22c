package org.educommons.platform.database;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Checks the database configuration and brings the schema up to date when the application starts
 * (a no-op when the launcher already migrated, which it must do before the first deployment: the
 * persistence unit logs in as the application role while it loads). A configuration or migration
 * failure stops the deployment with a message saying what is wrong.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaStartup {

    private static final Logger LOG = Logger.getLogger(SchemaStartup.class.getName());

    private DatabaseSettings settings;

    @PostConstruct
    void migrate() {
        var config = ConfigProvider.getConfig();
        settings = DatabaseSettings.from(key -> config.getOptionalValue(key, String.class).orElse(null));
        MigrateResult result = SchemaMigrator.migrate(settings);
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied) on " + settings.url());
    }

    /** The validated settings, for start-up work that must run as the schema owner. */
    public DatabaseSettings settings() {
        return settings;
    }
}
