package org.educommons.platform.database;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Where the database is and which three roles talk to it: the owner, who migrates the schema and
 * provisions tenants; the application role, which is subject to row-level security; and the mail
 * sender's role, the only one that may read every tenant's queued mail.
 *
 * @param url            JDBC URL of the database
 * @param ownerUser      role that owns the schema (runs Flyway)
 * @param ownerPassword  its password, may be empty for trust authentication
 * @param appUser        the login role the application uses for all request work
 * @param appPassword    its password, set by every migration run
 * @param mailerUser     the login role of the mail sender (outbox), which may do nothing else
 * @param mailerPassword its password, set by every migration run
 */
public record DatabaseSettings(String url, String ownerUser, String ownerPassword, String appUser, String appPassword,
                               String mailerUser, String mailerPassword) {

    public static final String URL = "educommons.db.url";
    public static final String USER = "educommons.db.user";
    public static final String PASSWORD = "educommons.db.password";
    public static final String APP_USER = "educommons.db.app-user";
    public static final String APP_PASSWORD = "educommons.db.app-password";
    public static final String MAILER_USER = "educommons.db.mailer-user";
    public static final String MAILER_PASSWORD = "educommons.db.mailer-password";
    public static final String DEFAULT_APP_USER = "educommons_app";
    public static final String DEFAULT_MAILER_USER = "educommons_mailer";

    private static final String ROLE_NAME = "[a-z_][a-z0-9_]{0,62}";
    private static final String SECRET = "[A-Za-z0-9._~-]{16,}";

    /**
     * Reads the settings through a lookup (MicroProfile Config, system properties, a map) and
     * reports every missing or unusable value at once.
     */
    public static DatabaseSettings from(Function<String, String> lookup) {
        List<String> problems = new ArrayList<>();
        String url = value(lookup, URL);
        String user = value(lookup, USER);
        String appUser = value(lookup, APP_USER);
        String appPassword = value(lookup, APP_PASSWORD);
        String mailerUser = value(lookup, MAILER_USER);
        String mailerPassword = value(lookup, MAILER_PASSWORD);
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            problems.add(URL + " must be a jdbc:postgresql: URL (got " + (url == null ? "nothing" : "'" + url + "'") + ")");
        }
        if (user == null) {
            problems.add(USER + " (the schema owner) is not set");
        }
        if (appUser == null) {
            appUser = DEFAULT_APP_USER;
        }
        if (!appUser.matches(ROLE_NAME)) {
            problems.add(APP_USER + " must be a plain lower-case role name");
        }
        if (appPassword == null || !appPassword.matches(SECRET)) {
            problems.add(APP_PASSWORD + " must be at least 16 characters of letters, digits or . _ ~ -");
        }
        if (mailerUser == null) {
            mailerUser = DEFAULT_MAILER_USER;
        }
        if (!mailerUser.matches(ROLE_NAME) || mailerUser.equals(appUser) || mailerUser.equals(user)) {
            problems.add(MAILER_USER + " must be a plain lower-case role name of its own (not the owner's, not the application's)");
        }
        if (mailerPassword == null || !mailerPassword.matches(SECRET)) {
            problems.add(MAILER_PASSWORD + " must be at least 16 characters of letters, digits or . _ ~ -");
        } else if (mailerPassword.equals(appPassword)) {
            problems.add(MAILER_PASSWORD + " must differ from " + APP_PASSWORD);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Database configuration is incomplete: " + String.join("; ", problems));
        }
        String password = value(lookup, PASSWORD);
        return new DatabaseSettings(url, user, password == null ? "" : password, appUser, appPassword, mailerUser,
                mailerPassword);
    }

    private static String value(Function<String, String> lookup, String key) {
        String v = lookup.apply(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", owner=" + ownerUser + ", app=" + appUser + ", mailer=" + mailerUser + "]";
    }
}
