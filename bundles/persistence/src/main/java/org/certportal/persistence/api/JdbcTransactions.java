package org.certportal.persistence.api;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Work on one connection in one transaction: committed when the work returns, rolled back when it
 * throws (the rollback's own failure is added as suppressed). For services that write with plain
 * JDBC; services on JPA use their JpaTemplate's transactions.
 *
 * @since 1.3
 */
public final class JdbcTransactions {
    /** What runs inside the transaction; it must not commit, roll back or close the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private JdbcTransactions() {
    }

    /** @throws SQLException when the database fails; the transaction is rolled back */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
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
        }
    }

    /**
     * {@link #inTransaction} for service methods that do not declare SQLException.
     *
     * @throws IllegalStateException carrying the database's failure; the transaction is rolled back
     */
    public static <T> T required(DataSource dataSource, Work<T> work) {
        try {
            return inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new IllegalStateException("The database failed: " + e.getMessage(), e);
        }
    }
}
