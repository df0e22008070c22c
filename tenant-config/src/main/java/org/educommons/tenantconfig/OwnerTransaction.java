package org.educommons.tenantconfig;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work on the owner's connection as one transaction: all of it, or none of it. */
final class OwnerTransaction {

    /** Work that needs the connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private OwnerTransaction() {
    }

    static <T> T run(Connection owner, Work<T> work) throws SQLException {
        boolean autoCommit = owner.getAutoCommit();
        owner.setAutoCommit(false);
        try {
            T result = work.run(owner);
            owner.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            owner.rollback();
            throw e;
        } finally {
            owner.setAutoCommit(autoCommit);
        }
    }
}
