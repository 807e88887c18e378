package org.certportal.persistence.testing;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Databases for repository and service tests outside OSGi: a private in-memory H2 (the embedded
 * default), and a new schema on the throwaway PostgreSQL the build starts for modules with
 * {@code src/test/uses-postgres} (system property {@code certportal.test.pg.url}).
 */
public final class TestDatabases {
    public static final String H2 = "h2";
    public static final String POSTGRESQL = "postgresql";

    private TestDatabases() {
    }

    /** The databases to run on: H2 always, PostgreSQL when the build started one. */
    public static List<String> available() {
        return System.getProperty("certportal.test.pg.url") == null ? List.of(H2) : List.of(H2, POSTGRESQL);
    }

    /** A database nobody used yet. */
    public static DataSource fresh(String db) throws SQLException {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        if (db.equals(H2)) {
            return new UrlDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        }
        String pg = System.getProperty("certportal.test.pg.url");
        if (pg == null) {
            throw new IllegalStateException("No PostgreSQL for this build (certportal.test.pg.url is not set)");
        }
        try (Connection c = DriverManager.getConnection(pg); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        }
        return new UrlDataSource(pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + name
                + "&reWriteBatchedInserts=true");
    }

    /** Enough of a DataSource for the services: a new connection per call, as a pool would hand out. */
    public record UrlDataSource(String url) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
