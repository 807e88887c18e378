package org.certportal.credentials.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Work on one connection in one transaction: committed when it returns, rolled back when it throws. */
final class Transactions {
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transactions() {
    }

    static <T> T inTransaction(DataSource ds, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The database failed: " + e.getMessage(), e);
        }
    }
}
