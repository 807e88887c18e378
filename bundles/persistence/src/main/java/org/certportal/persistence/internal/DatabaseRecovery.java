package org.certportal.persistence.internal;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings back the areas a database outage stopped: a bundle whose migration failed because the
 * database did not answer is parked here, and started again once a connection succeeds (probed
 * with waits doubling from a few seconds up to a minute). A migration that failed for any other
 * reason is a broken changelog and waits for a fix, as before.
 */
final class DatabaseRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseRecovery.class);
    static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    /** What happens to a stopped area once the database answers. */
    interface Area {
        String name();

        void start() throws Exception;
    }

    private final DataSource dataSource;
    private final ScheduledExecutorService probe;
    private final Set<Area> parked = new LinkedHashSet<>();
    private Duration wait = FIRST_WAIT;
    private boolean probing;

    DatabaseRecovery(DataSource dataSource) {
        this.dataSource = dataSource;
        this.probe = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "certportal-database-recovery");
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether the failure says the database could not be reached, rather than what was asked of it. */
    static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException
                    || t instanceof java.net.UnknownHostException || t instanceof java.net.NoRouteToHostException) {
                return true;
            }
            // SQLSTATE class 08: connection exception (PostgreSQL, H2 and the standard agree)
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** Starts the area again once the database answers. */
    void park(Area area) {
        synchronized (this) {
            if (!probe.isShutdown()) {
                parked.add(area);
                if (!probing) {
                    probing = true;
                    wait = FIRST_WAIT;
                    schedule();
                }
                return;
            }
        }
        start(area); // closed meanwhile (the data source changed): it tries the new one at once
    }

    /** The areas waiting for the database (for the log and tests). */
    synchronized List<String> waiting() {
        return parked.stream().map(Area::name).toList();
    }

    /** Tries once now: true when the database answered and the parked areas were started. */
    boolean probeOnce() {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(5)) {
                return false;
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
        List<Area> toStart;
        synchronized (this) {
            toStart = List.copyOf(parked);
            parked.clear();
            probing = false;
        }
        for (Area area : toStart) {
            LOG.info("The database answers again: starting {}", area.name());
            start(area);
        }
        return true;
    }

    /** Called holding this object's lock, so that close cannot stop the probe in between. */
    private void schedule() {
        probe.schedule(() -> {
            if (!probeOnce()) {
                synchronized (this) {
                    wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
                    LOG.info("The database does not answer yet; {} wait (next try in {} s)", parked.size() == 1
                            ? "1 area" : parked.size() + " areas", wait.toSeconds());
                    schedule();
                }
            }
        }, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * On the way out. When the data source changed (its configuration was corrected), the parked areas
     * start at once and migrate against the new one; when the portal is stopping, they stay down.
     */
    void close(boolean startParked) {
        List<Area> toStart;
        synchronized (this) { // with park's scheduling, so nothing is scheduled on a stopped probe
            probe.shutdownNow();
            toStart = startParked ? List.copyOf(parked) : List.of();
            parked.clear();
        }
        for (Area area : toStart) {
            start(area);
        }
    }

    private static void start(Area area) {
        try {
            area.start();
        } catch (Exception e) {
            LOG.warn("Could not start {} again: {}", area.name(), e.toString());
        }
    }
}
