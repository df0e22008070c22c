package org.educommons.platform.database;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Where the database is and which two roles talk to it: the owner, who migrates the schema and
 * provisions tenants, and the application role, which is subject to row-level security.
 *
 * @param url         JDBC URL of the database
 * @param ownerUser   role that owns the schema (runs Flyway)
 * @param ownerPassword its password, may be empty for trust authentication
 * @param appUser     the login role the application uses for all request work
 * @param appPassword its password, set by every migration run
 */
public record DatabaseSettings(String url, String ownerUser, String ownerPassword, String appUser, String appPassword) {

    public static final String URL = "educommons.db.url";
    public static final String USER = "educommons.db.user";
    public static final String PASSWORD = "educommons.db.password";
    public static final String APP_USER = "educommons.db.app-user";
    public static final String APP_PASSWORD = "educommons.db.app-password";
    public static final String DEFAULT_APP_USER = "educommons_app";

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
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            problems.add(URL + " must be a jdbc:postgresql: URL (got " + (url == null ? "nothing" : "'" + url + "'") + ")");
        }
        if (user == null) {
            problems.add(USER + " (the schema owner) is not set");
        }
        if (appUser == null) {
            appUser = DEFAULT_APP_USER;
        }
        if (!appUser.matches("[a-z_][a-z0-9_]{0,62}")) {
            problems.add(APP_USER + " must be a plain lower-case role name");
        }
        if (appPassword == null || !appPassword.matches("[A-Za-z0-9._~-]{16,}")) {
            problems.add(APP_PASSWORD + " must be at least 16 characters of letters, digits or . _ ~ -");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Database configuration is incomplete: " + String.join("; ", problems));
        }
        String password = value(lookup, PASSWORD);
        return new DatabaseSettings(url, user, password == null ? "" : password, appUser, appPassword);
    }

    private static String value(Function<String, String> lookup, String key) {
        String v = lookup.apply(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", owner=" + ownerUser + ", app=" + appUser + "]";
    }
}
