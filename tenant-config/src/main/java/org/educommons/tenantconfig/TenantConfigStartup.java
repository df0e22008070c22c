package org.educommons.tenantconfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.educommons.identity.DemoAccounts;
import org.educommons.identity.Passwords;
import org.educommons.platform.database.DatabaseSettings;
import org.educommons.platform.database.SchemaStartup;

/**
 * Applies the tenant configuration when the application starts, right after the schema migration:
 * the files in {@code educommons.tenant-config.dir} and, with {@code educommons.demo=true}, the demo
 * community and its demo accounts. Invalid files stop the start with every error listed. A start whose
 * files, demo setting and schema are those last applied has nothing to do ({@link AppliedDigest}).
 */
@Startup
@Singleton
@DependsOn("SchemaStartup")
@TransactionManagement(TransactionManagementType.BEAN)
public class TenantConfigStartup {

    public static final String DIRECTORY = "educommons.tenant-config.dir";
    public static final String DEMO = "educommons.demo";

    private static final Logger LOG = Logger.getLogger(TenantConfigStartup.class.getName());

    @EJB
    SchemaStartup schema;

    @Inject
    Passwords passwords;

    @PostConstruct
    void apply() {
        Config config = ConfigProvider.getConfig();
        boolean demo = config.getOptionalValue(DEMO, Boolean.class).orElse(false);
        List<ConfigFiles.ConfigFile> demoFiles = demo
                ? ConfigFiles.onClasspath(ConfigFiles.DEMO, TenantConfigStartup.class.getClassLoader()) : List.of();
        List<ConfigFiles.ConfigFile> files = new ArrayList<>(demoFiles);
        config.getOptionalValue(DIRECTORY, String.class)
                .ifPresent(dir -> files.addAll(ConfigFiles.inDirectory(Path.of(dir))));
        DatabaseSettings db = schema.settings();
        try (Connection owner = DriverManager.getConnection(db.url(), db.ownerUser(), db.ownerPassword())) {
            applyIfChanged(files, demo ? demoFiles : null, owner, passwords::hash);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply the tenant configuration: " + e.getMessage(), e);
        }
    }

    /**
     * Applies {@code files} (with, unless {@code demoFiles} is null, the demo data among them) on
     * {@code owner}, unless they, the demo setting and the schema are those last applied; returns
     * whether it applied them.
     */
    static boolean applyIfChanged(List<ConfigFiles.ConfigFile> files, List<ConfigFiles.ConfigFile> demoFiles,
                                  Connection owner, java.util.function.UnaryOperator<String> passwordHash) throws SQLException {
        boolean demo = demoFiles != null;
        AppliedDigest.lock(owner);
        String digest = AppliedDigest.of(files, demo, owner);
        if (AppliedDigest.last(owner).filter(digest::equals).isPresent()) {
            LOG.info(() -> "Tenant configuration unchanged since it was last applied (" + files.size()
                    + " files" + (demo ? ", demo data" : "") + "): nothing to apply");
            return false;
        }
        Definitions.ConfigSet set = ConfigReader.read(files);
        ConfigApplier.Report report = ConfigApplier.apply(set, owner);
        LOG.info(() -> "Tenant configuration applied: " + set.tenants().size() + " tenants, "
                + set.communities().size() + " communities; rows changed: " + report);
        if (demo) {
            Set<String> demoTenants = new HashSet<>();
            ConfigReader.read(demoFiles).tenants().forEach(t -> demoTenants.add(t.slug()));
            int created = DemoAccounts.seed(owner, demoTenants, passwordHash);
            int items = DemoPlans.apply(files, owner);
            int forums = DemoForums.apply(files, owner);
            int activities = DemoActivities.apply(files, owner);
            LOG.info(() -> "Demo mode: " + created + " demo accounts, " + items + " demo plan items, "
                    + forums + " demo forums and " + activities + " demo joint activities created");
        }
        AppliedDigest.record(owner, digest);
        return true;
    }
}
