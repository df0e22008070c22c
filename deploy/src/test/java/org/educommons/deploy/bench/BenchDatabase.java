package org.educommons.deploy.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.educommons.identity.Secrets;

/**
 * The benchmark's own access to the product's database: as the schema owner for fixtures the product
 * has no API for yet (many principals, each already signed in) and for checking invariants afterwards;
 * as the application role, under the same row-level security as the product, for the plain-JDBC
 * baselines.
 */
final class BenchDatabase {

    /** A principal of a member, signed in: {@code token} is a live API bearer token. */
    record Principal(String tenant, long tenantId, long accountId, String username, String token) {
    }

    private final String url;
    private final String ownerUser;
    private final String ownerPassword;
    private final String appUser;
    private final String appPassword;

    BenchDatabase(String url, String ownerUser, String ownerPassword, String appUser, String appPassword) {
        this.url = url;
        this.ownerUser = ownerUser;
        this.ownerPassword = ownerPassword;
        this.appUser = appUser;
        this.appPassword = appPassword;
    }

    Connection owner() throws SQLException {
        return DriverManager.getConnection(url, ownerUser, ownerPassword);
    }

    /** A connection as the application role (row-level security applies). */
    Connection application() throws SQLException {
        return DriverManager.getConnection(url, appUser, appPassword);
    }

    /**
     * Brings the planner's statistics up to date after bulk loading, as autovacuum would within a
     * minute or so, so that the figures do not depend on when it happened to run.
     */
    void analyze() throws SQLException {
        try (Connection c = owner(); java.sql.Statement s = c.createStatement()) {
            s.execute("vacuum analyze");
        }
    }

    /** The members of a community, slug to tenant id, in roster order. */
    Map<String, Long> members(String community) throws SQLException {
        try (Connection c = owner(); PreparedStatement s = c.prepareStatement("""
                select t.slug, t.id from community_membership m
                  join community k on k.id = m.community_id
                  join tenant t on t.id = m.tenant_id
                 where k.slug = ? order by m.roster_position, t.id""")) {
            s.setString(1, community);
            Map<String, Long> members = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    members.put(r.getString(1), r.getLong(2));
                }
            }
            return members;
        }
    }

    /**
     * Adds {@code count} principals, dealt round the members in turn, each with a live API token: the
     * state after each has signed in once (signing in is not what the benchmark measures).
     */
    List<Principal> principals(Map<String, Long> members, int count, String prefix) throws SQLException {
        List<Map.Entry<String, Long>> tenants = new ArrayList<>(members.entrySet());
        List<Principal> principals = new ArrayList<>(count);
        try (Connection c = owner()) {
            c.setAutoCommit(false);
            try (PreparedStatement account = c.prepareStatement("""
                    insert into account (tenant_id, username, display_name, roles)
                    values (?, ?, ?, 'PRINCIPAL') returning id""");
                 PreparedStatement token = c.prepareStatement("""
                    insert into access_token (tenant_id, token_hash, account_id, expires_at, scope)
                    values (?, ?, ?, now() + interval '1 day', 'API')""")) {
                for (int i = 0; i < count; i++) {
                    var tenant = tenants.get(i % tenants.size());
                    String username = prefix + "." + tenant.getKey() + "." + i;
                    account.setLong(1, tenant.getValue());
                    account.setString(2, username);
                    account.setString(3, "校长 " + i);
                    long id;
                    try (ResultSet r = account.executeQuery()) {
                        r.next();
                        id = r.getLong(1);
                    }
                    String secret = Secrets.newToken();
                    token.setLong(1, tenant.getValue());
                    token.setString(2, Secrets.digest(secret));
                    token.setLong(3, id);
                    token.addBatch();
                    principals.add(new Principal(tenant.getKey(), tenant.getValue(), id, username, secret));
                }
                token.executeBatch();
            }
            c.commit();
        }
        return principals;
    }

    /** Registrations of a forum per status and member, as stored. */
    record Seats(long confirmed, long waitlisted, long rows, long distinctPeople, Map<Long, Long> confirmedPerMember) {
    }

    Seats seats(long forumId) throws SQLException {
        try (Connection c = owner()) {
            long confirmed;
            long waitlisted;
            long rows;
            long people;
            try (PreparedStatement s = c.prepareStatement("""
                    select count(*) filter (where status = 'CONFIRMED'), count(*) filter (where status = 'WAITLISTED'),
                           count(*), count(distinct account_id)
                      from forum_registration where forum_id = ?""")) {
                s.setLong(1, forumId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    confirmed = r.getLong(1);
                    waitlisted = r.getLong(2);
                    rows = r.getLong(3);
                    people = r.getLong(4);
                }
            }
            Map<Long, Long> perMember = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select registrant_tenant_id, count(*) from forum_registration
                     where forum_id = ? and status = 'CONFIRMED' group by 1""")) {
                s.setLong(1, forumId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        perMember.put(r.getLong(1), r.getLong(2));
                    }
                }
            }
            return new Seats(confirmed, waitlisted, rows, people, perMember);
        }
    }
}
