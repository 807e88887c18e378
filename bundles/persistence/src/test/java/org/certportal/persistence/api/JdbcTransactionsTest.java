package org.certportal.persistence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcTransactionsTest {
    private static final String URL = "jdbc:h2:mem:transactions;DB_CLOSE_DELAY=-1";
    private Connection keepAlive;
    private final DataSource dataSource = (DataSource) java.lang.reflect.Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                if (!method.getName().equals("getConnection")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                return DriverManager.getConnection(URL);
            });

    @BeforeEach
    void createTable() throws SQLException {
        keepAlive = DriverManager.getConnection(URL);
        try (Statement s = keepAlive.createStatement()) {
            s.execute("CREATE TABLE item (id INT PRIMARY KEY)");
        }
    }

    @AfterEach
    void dropTable() throws SQLException {
        try (Statement s = keepAlive.createStatement()) {
            s.execute("DROP TABLE item");
        }
        keepAlive.close();
    }

    @Test
    void committedWhenTheWorkReturnsRolledBackWhenItThrows() throws SQLException {
        int inserted = JdbcTransactions.inTransaction(dataSource, c -> insert(c, 1));
        assertEquals(1, inserted);
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> JdbcTransactions.required(dataSource, c -> {
                    insert(c, 2);
                    return insert(c, 1); // the key is taken: the whole transaction goes
                }));
        org.junit.jupiter.api.Assertions.assertTrue(failed.getCause() instanceof SQLException,
                failed.getCause().toString());
        assertThrows(IllegalArgumentException.class, () -> JdbcTransactions.inTransaction(dataSource, c -> {
            insert(c, 3);
            throw new IllegalArgumentException("refused");
        }));
        assertEquals(1, count());
    }

    private static int insert(Connection c, int id) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("INSERT INTO item (id) VALUES (" + id + ")");
        }
    }

    private int count() throws SQLException {
        try (Statement s = keepAlive.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM item")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
