package org.educommons.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.educommons.platform.database.DatabaseConfiguration;

/**
 * Looks up sign-in data before any tenant is known, through the owner-defined functions
 * {@code identity_find_login} and {@code identity_find_token}; the account table itself stays
 * behind row-level security.
 */
@ApplicationScoped
public class Logins {

    @Resource(lookup = DatabaseConfiguration.DATA_SOURCE)
    DataSource dataSource;

    /** Stored login data for a username. */
    public record Login(AccountPrincipal principal, String passwordHash, boolean enabled) {
    }

    public Optional<Login> byUsername(String username) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select tenant_id, account_id, password_hash, roles, enabled from identity_find_login(?)")) {
            s.setString(1, username);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                var principal = new AccountPrincipal(r.getLong(1), r.getLong(2), username, Role.parse(r.getString(4)));
                return Optional.of(new Login(principal, r.getString(3), r.getBoolean(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Login lookup failed", e);
        }
    }

    /** Counts a failed attempt (and audits it in the account's tenant, when the account exists). */
    public void failed(String username, String address, String channel) {
        call("select identity_sign_in_failed(?, ?, ?)", username, address, channel);
    }

    /** Forgets the account's failed attempts after a successful sign-in (not the address's). */
    public void succeeded(String username) {
        call("select throttle_forget('sign-in-account', lower(btrim(?)))", username);
    }

    /** Replaces the hash just verified with one made with today's work factor. */
    public void upgradePassword(String username, String verifiedHash, String newHash) {
        call("select identity_upgrade_password(?, ?, ?)", username, verifiedHash, newHash);
    }

    private void call(String sql, String... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Sign-in bookkeeping failed", e);
        }
    }

    /** The account a live token opens, and when the token expires. */
    public record TokenLogin(AccountPrincipal principal, Instant expiresAt) {
    }

    /** The account of a live API token. */
    public Optional<TokenLogin> byTokenHash(String tokenHash) {
        return byToken("identity_find_token", tokenHash);
    }

    /** The account of a live calendar-feed token. */
    public Optional<TokenLogin> byCalendarTokenHash(String tokenHash) {
        return byToken("identity_find_calendar_token", tokenHash);
    }

    private Optional<TokenLogin> byToken(String function, String tokenHash) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select tenant_id, account_id, username, roles, expires_at from " + function + "(?)")) {
            s.setString(1, tokenHash);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TokenLogin(
                        new AccountPrincipal(r.getLong(1), r.getLong(2), r.getString(3), Role.parse(r.getString(4))),
                        r.getObject(5, java.time.OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Token lookup failed", e);
        }
    }
}
