package org.educommons.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;

/**
 * What {@code deploy/run} is told by the environment, each with a default:
 * <ul>
 * <li>{@code EDUCOMMONS_PORT} (8080): HTTP port;</li>
 * <li>{@code EDUCOMMONS_DATA} ({@code ~/.educommons}; for root {@code /var/lib/educommons}, because the
 * embedded database then runs as {@code nobody}, who cannot enter {@code /root}): embedded database files,
 * logs, secrets (the database passwords, the embedded superuser's included, readable by the launcher's
 * user only), tenant-config folder; survives restarts;</li>
 * <li>{@code EDUCOMMONS_DB_URL}, {@code EDUCOMMONS_DB_USER}, {@code EDUCOMMONS_DB_PASSWORD}: a PostgreSQL
 * to use instead of the embedded one (the user owns the schema and may create roles);</li>
 * <li>{@code EDUCOMMONS_DB_APP_PASSWORD}: password of the application's own database role
 * (generated and kept in the data folder when not set);</li>
 * <li>{@code EDUCOMMONS_DB_MAILER_PASSWORD}: password of the mail sender's own database role, the only
 * one that reads every tenant's queued mail (generated and kept in the data folder when not set);</li>
 * <li>{@code EDUCOMMONS_DEMO}: load the demo community and accounts (on by default with the embedded
 * database, off with a configured one);</li>
 * <li>{@code EDUCOMMONS_PUBLIC_URL} ({@code http://localhost:<port>/}): where people reach the product,
 * for links in mail.</li>
 * </ul>
 */
record LaunchSettings(int port, Path data, String dbUrl, String dbUser, String dbPassword, String appPassword,
                      String mailerPassword, boolean demo, String publicUrl) {

    static LaunchSettings from(Map<String, String> env) {
        int port = Integer.parseInt(env.getOrDefault("EDUCOMMONS_PORT", "8080").trim());
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("EDUCOMMONS_PORT must be a port number, got " + port);
        }
        Path home = "root".equals(System.getProperty("user.name"))
                ? Path.of("/var/lib/educommons") : Path.of(System.getProperty("user.home"), ".educommons");
        Path data = Path.of(env.getOrDefault("EDUCOMMONS_DATA", home.toString())).toAbsolutePath();
        String url = blankToNull(env.get("EDUCOMMONS_DB_URL"));
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("EDUCOMMONS_DB_URL must be a jdbc:postgresql: URL, got " + url);
        }
        String user = env.getOrDefault("EDUCOMMONS_DB_USER", "postgres");
        String password = env.getOrDefault("EDUCOMMONS_DB_PASSWORD", "");
        boolean demo = Boolean.parseBoolean(env.getOrDefault("EDUCOMMONS_DEMO", String.valueOf(url == null)).trim());
        String appPassword = blankToNull(env.get("EDUCOMMONS_DB_APP_PASSWORD"));
        String mailerPassword = blankToNull(env.get("EDUCOMMONS_DB_MAILER_PASSWORD"));
        String publicUrl = env.getOrDefault("EDUCOMMONS_PUBLIC_URL", "http://localhost:" + port + "/").trim();
        if (!publicUrl.startsWith("http://") && !publicUrl.startsWith("https://")) {
            throw new IllegalArgumentException("EDUCOMMONS_PUBLIC_URL must be an http(s):// address, got " + publicUrl);
        }
        return new LaunchSettings(port, data, url, user, password,
                appPassword == null ? storedSecret(data, "db-app-password") : appPassword,
                mailerPassword == null ? storedSecret(data, "db-mailer-password") : mailerPassword, demo, publicUrl);
    }

    boolean embeddedDatabase() {
        return dbUrl == null;
    }

    Path postgresData() {
        return data.resolve("postgres");
    }

    Path logs() {
        return data.resolve("logs");
    }

    Path tenantConfig() {
        return data.resolve("tenant-config");
    }

    Path payaraRoot() {
        return data.resolve("payara");
    }

    /**
     * The embedded PostgreSQL superuser's password: every connection to the embedded server needs one,
     * so another user of the machine gets nothing by reaching its port. Generated on first start and
     * kept in {@code secrets/} like the roles' passwords.
     */
    String embeddedSuperuserPassword() {
        return storedSecret(data, "db-superuser-password");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * A database password kept in {@code secrets/} of the data folder: generated on first start and
     * readable by the launcher's user only.
     */
    private static String storedSecret(Path data, String name) {
        Path file = data.resolve("secrets").resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            try {
                Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String password = java.util.HexFormat.of().formatHex(bytes);
            Files.writeString(file, password);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the database password in " + file, e);
        }
    }
}
