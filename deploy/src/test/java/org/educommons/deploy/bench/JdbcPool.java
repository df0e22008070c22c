package org.educommons.deploy.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A fixed pool of application-role connections for the plain-JDBC baselines, so that a baseline
 * pays for no connection set-up the product's own pool saves it. Each piece of work runs on one
 * connection, in a transaction it commits or rolls back itself.
 */
final class JdbcPool implements AutoCloseable {

    /** Work on one connection of the pool. */
    interface Work {
        Load.Answer apply(Connection c) throws SQLException;
    }

    private final BlockingQueue<Connection> idle;

    JdbcPool(BenchDatabase db, int connections) throws SQLException {
        idle = new ArrayBlockingQueue<>(connections);
        try {
            for (int c = 0; c < connections; c++) {
                Connection connection = db.application();
                connection.setAutoCommit(false);
                idle.add(connection);
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    /** Runs {@code work} on a connection as soon as one is free. */
    Load.Answer with(Work work) throws SQLException, InterruptedException {
        Connection c = idle.take();
        try {
            return work.apply(c);
        } finally {
            idle.add(c);
        }
    }

    /** Binds the transaction to {@code tenantId}, as the product does for a signed-in caller. */
    static void bindTenant(Connection c, long tenantId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            s.setString(1, String.valueOf(tenantId));
            s.executeQuery().close();
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection c : idle) {
            c.close();
        }
    }
}
