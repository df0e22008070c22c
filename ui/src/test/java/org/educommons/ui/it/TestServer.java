package org.educommons.ui.it;

import org.educommons.platform.database.DatabaseSettings;
import org.educommons.testing.DatabaseSnapshot;
import org.educommons.testing.TestDatabase;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prepares what the Payara Micro that Arquillian starts talks to: a migrated PostgreSQL database
 * (embedded, or on {@code EDUCOMMONS_DB_URL}), a tenant-config folder and a real SMTP server
 * (GreenMail), handed to the server process through {@code payara.cmdOptions} before the first
 * test class asks Arquillian for a container. Each test class starts on the same data, so that no
 * assertion depends on what another class left behind: the first class on a fresh copy of a migrated
 * template, on which the server seeds its demo data as it starts; once the server is ready its rows
 * are copied aside ({@link #serverReady}), and before every later class they are put back in place
 * under the running server ({@link DatabaseSnapshot}) and the tenant-config folder is reset. The
 * server itself is started once for the suite ({@link SharedServer}).
 */
public class TestServer implements LauncherSessionListener, TestExecutionListener {

    private static DatabaseSettings template;

    private static DatabaseSettings settings;
    /** Whether one server serves every class, with the database's rows put back between classes. */
    private static boolean shared;
    private static java.nio.file.Path tenantConfig;
    private static int smtpPort;
    private static com.icegreen.greenmail.util.GreenMail smtp;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("payara.microJar") == null || settings != null) {
            return; // not an integration-test run
        }
        template = TestDatabase.migrated("it_template");
        settings = TestDatabase.named("it");
        TestDatabase.recreate(settings, template);
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        startSmtp();
        try {
            tenantConfig = java.nio.file.Files.createTempDirectory("it-tenant-config");
            // a second community, so that membership tests can add members without changing the demo one
            java.nio.file.Files.createDirectories(tenantConfig.resolve("communities"));
            java.nio.file.Files.writeString(tenantConfig.resolve("communities/test-alliance.yaml"), """
                    slug: test-alliance
                    name: {zh: 测试联盟, en: Test Alliance}
                    foundedIn: 2024
                    members:
                      - {tenant: luzhou, role: FOUNDING_MEMBER, joined: 2024, secretariat: true}
                      - {tenant: yongchuan, role: FOUNDING_MEMBER, joined: 2024}
                    """);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.setProperty("payara.cmdOptions", String.join(" ",
                "-D" + DatabaseSettings.URL + "=" + settings.url(),
                "-D" + DatabaseSettings.USER + "=" + settings.ownerUser(),
                "-D" + DatabaseSettings.PASSWORD + "=" + settings.ownerPassword(),
                "-D" + DatabaseSettings.APP_USER + "=" + settings.appUser(),
                "-D" + DatabaseSettings.APP_PASSWORD + "=" + settings.appPassword(),
                "-D" + DatabaseSettings.MAILER_USER + "=" + settings.mailerUser(),
                "-D" + DatabaseSettings.MAILER_PASSWORD + "=" + settings.mailerPassword(),
                "-Deducommons.demo=true",
                // a suite applies to join from one address more often than a city would
                "-Deducommons.join.applications-per-hour=30",
                "-Deducommons.tenant-config.dir=" + tenantConfig,
                "-Deducommons.mail.host=127.0.0.1",
                "-Deducommons.mail.port=" + smtpPort,
                "-Duser.timezone=Asia/Shanghai",
                "-Xmx768m"));
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (settings == null || !(test.getSource().orElse(null) instanceof ClassSource)) {
            return;
        }
        // a new class: the data as the server had it when ready, the tenant-config folder as it was, no
        // tokens of the old data
        if (shared) {
            DatabaseSnapshot.restore(settings);
        } else {
            TestDatabase.recreate(settings, template);
        }
        try (var files = java.nio.file.Files.list(tenantConfig.resolve("tenants"))) {
            for (java.nio.file.Path file : files.toList()) {
                java.nio.file.Files.delete(file);
            }
        } catch (java.nio.file.NoSuchFileException none) {
            // no tenant files written yet
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Api.forgetTokens();
        System.out.println("TestServer: " + test.getDisplayName() + (shared
                ? " starts on the running server, its data put back as it was when the server was ready"
                : " starts on a fresh copy of the migrated database"));
    }

    /**
     * Called once the server is up and healthy: copies its data aside so that later classes can share
     * the server. Answers whether they can (the owner must be a superuser, see {@link DatabaseSnapshot}).
     */
    static synchronized boolean serverReady() {
        shared = DatabaseSnapshot.possible(settings());
        if (shared) {
            DatabaseSnapshot.take(settings);
        }
        return shared;
    }

    /** The SMTP server the server under test sends to (a new, empty one after {@link #startSmtp()}). */
    public static synchronized com.icegreen.greenmail.util.GreenMail smtp() {
        return smtp;
    }

    /** Starts (again) the SMTP server on its port. */
    public static synchronized void startSmtp() {
        smtp = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        smtp.start();
    }

    /** Stops the SMTP server: the application's mail delivery fails until it is started again. */
    public static synchronized void stopSmtp() {
        smtp.stop();
    }

    /** The tenant-config folder of the server under test (join approvals write tenant files there). */
    public static java.nio.file.Path tenantConfig() {
        settings();
        return tenantConfig;
    }

    /** The database the server under test uses, for assertions straight on its tables. */
    public static DatabaseSettings settings() {
        if (settings == null) {
            throw new IllegalStateException("TestServer did not run: is the LauncherSessionListener registered?");
        }
        return settings;
    }
}
