package org.educommons.tenantconfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What the tenant configuration was when it was last applied: a digest of its files (and demo data,
 * when asked for) together with the schema's migration history, kept in the database. A start that
 * finds the same digest has nothing to apply. Nodes that start at once apply one after another
 * (an advisory lock held while applying), so that the later ones find the first one's digest.
 */
final class AppliedDigest {

    /** The advisory lock key every node takes while it applies the configuration. */
    private static final long LOCK = 0x4564_7543_6f6e_6667L;

    private AppliedDigest() {
    }

    /** The digest of {@code files} (in order), the demo setting and the schema as migrated on {@code owner}. */
    static String of(List<ConfigFiles.ConfigFile> files, boolean demo, Connection owner) throws SQLException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Statement s = owner.createStatement();
             ResultSet r = s.executeQuery("""
                     select string_agg(coalesce(version, '') || ':' || description || ':' || coalesce(checksum, 0), ','
                                       order by installed_rank)
                       from flyway_schema_history where success""")) {
            r.next();
            update(sha, "schema", String.valueOf(r.getString(1)));
        }
        update(sha, "demo", String.valueOf(demo));
        for (ConfigFiles.ConfigFile file : files) {
            update(sha, file.kind() + " " + file.name(), file.text());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String name, String value) {
        sha.update((name + "\u0000" + value.length() + "\u0000" + value + "\u0000").getBytes(StandardCharsets.UTF_8));
    }

    /** Waits until no other node is applying the configuration; held until {@code owner} closes. */
    static void lock(Connection owner) throws SQLException {
        try (PreparedStatement s = owner.prepareStatement("select pg_advisory_lock(?)")) {
            s.setLong(1, LOCK);
            s.executeQuery().close();
        }
    }

    /** The digest of the configuration last applied, if any. */
    static Optional<String> last(Connection owner) throws SQLException {
        try (Statement s = owner.createStatement(); ResultSet r = s.executeQuery("select digest from tenant_config_applied")) {
            return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
        }
    }

    /** Records {@code digest} as the configuration now applied. */
    static void record(Connection owner, String digest) throws SQLException {
        try (PreparedStatement s = owner.prepareStatement("""
                insert into tenant_config_applied (digest) values (?)
                    on conflict (singleton) do update set digest = excluded.digest, applied_at = now()""")) {
            s.setString(1, digest);
            s.executeUpdate();
        }
    }
}
