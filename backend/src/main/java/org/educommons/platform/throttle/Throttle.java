package org.educommons.platform.throttle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.educommons.platform.database.DatabaseConfiguration;
import org.educommons.platform.problem.ProblemException;

/**
 * Limits how often something may happen per key (an account name, a client address), counted in
 * PostgreSQL ({@code throttle_event}) so that every node of a cluster sees the same count. Each
 * call runs in a connection of its own, outside the caller's transaction: a counted failure stays
 * counted when the request that caused it fails.
 */
@ApplicationScoped
public class Throttle {

    @Resource(lookup = DatabaseConfiguration.DATA_SOURCE)
    DataSource dataSource;

    /** One limit: at most {@code limit} events per {@code window} in {@code bucket}. */
    public record Limit(String bucket, int limit, Duration window) {
    }

    /** Seconds to wait before the next event under {@code limit} for {@code key} (0: go ahead). */
    public int secondsToWait(Limit limit, String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select throttle_wait(?, ?, ?, ?)")) {
            s.setString(1, limit.bucket());
            s.setString(2, key);
            s.setInt(3, limit.limit());
            s.setInt(4, (int) limit.window().toSeconds());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Throttle check failed", e);
        }
    }

    /** 429 {@code problemType} with the seconds to wait, when {@code key} is over {@code limit}. */
    public void check(Limit limit, String key, String problemType) {
        int wait = secondsToWait(limit, key);
        if (wait > 0) {
            throw ProblemException.tooManyRequests(problemType, wait);
        }
    }

    /** Counts one event for {@code key}. */
    public void count(Limit limit, String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select throttle_count(?, ?)")) {
            s.setString(1, limit.bucket());
            s.setString(2, key);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Throttle count failed", e);
        }
    }
}
