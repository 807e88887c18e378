package org.certportal.persistence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcStatementsTest {
    private Connection c;

    @BeforeEach
    void openDatabase() throws SQLException {
        c = DriverManager.getConnection("jdbc:h2:mem:");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE word (id BIGINT PRIMARY KEY, text VARCHAR(20))");
            s.execute("INSERT INTO word VALUES (1, '50%'), (2, '500'), (3, 'a_b'), (4, 'axb'), (5, 'c\\d'), (6, 'c\\\\d')");
        }
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        c.close();
    }

    @Test
    void escapesThePercentTheUnderscoreAndTheEscapeCharacter() {
        assertEquals("50\\%\\_a\\\\b", JdbcStatements.escapeLike("50%_a\\b"));
        assertEquals("plain%", JdbcStatements.startsWith("plain"));
    }

    @Test
    void anEscapedPatternMatchesTheTextLiterally() throws SQLException {
        assertEquals(List.of(1L), ids(JdbcStatements.startsWith("50%")));
        assertEquals(List.of(3L), ids(JdbcStatements.startsWith("a_")));
        assertEquals(List.of(5L), ids(JdbcStatements.escapeLike("c\\d")));
        // unescaped, the wildcards match more: what the helper prevents
        assertEquals(List.of(1L, 2L), ids("50%"));
    }

    @Test
    void placeholdersMakeAnInListOfTheSize() throws SQLException {
        assertEquals("(?,?,?)", JdbcStatements.placeholders(3));
        try (PreparedStatement ps = JdbcStatements.prepare(c, "SELECT COUNT(*) FROM word WHERE id IN "
                + JdbcStatements.placeholders(3), List.of(1L, 3L, 99L)); ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
        assertThrows(IllegalArgumentException.class, () -> JdbcStatements.placeholders(0));
    }

    @Test
    void anArrayParameterServesAnyNumberOfIds() throws SQLException {
        try (PreparedStatement ps = JdbcStatements.prepare(c, "SELECT COUNT(*) FROM word WHERE id = ANY(?)",
                List.of((Object) new Long[] { 2L, 4L, 6L })); ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals(3, rs.getInt(1));
        }
    }

    @Test
    void theStatementIsClosedWhenAParameterCannotBeBound() throws SQLException {
        List<PreparedStatement> prepared = new ArrayList<>();
        Connection recording = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(c, args);
                        if (result instanceof PreparedStatement ps) {
                            prepared.add(ps);
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        // two parameters for one placeholder: binding the second fails
        assertThrows(SQLException.class, () -> JdbcStatements.prepare(recording,
                "SELECT id FROM word WHERE id = ?", List.of(1L, 2L)));
        assertEquals(1, prepared.size());
        assertTrue(prepared.get(0).isClosed());
    }

    private List<Long> ids(String pattern) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = JdbcStatements.prepare(c, "SELECT id FROM word WHERE text LIKE ? ESCAPE '\\'"
                + " ORDER BY id", List.of(pattern)); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
