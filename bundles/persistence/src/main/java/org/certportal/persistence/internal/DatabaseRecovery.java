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
 * Starts what waits for the database once a connection succeeds: the schema migrator at a start
 * while the database is down or refuses the configured account ({@link DatabaseGate}), and a bundle
 * whose migration lost its connection midway (parked by {@link PortalSchemaMigrator}). Probed at
 * once, then with waits doubling from a few seconds up to a minute; each new reason the database
 * gives is logged once as a WARN, the same reason again only at DEBUG, so an outage of hours writes
 * one line. A migration that failed for any other reason is a broken changelog and waits for a fix.
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
    /** Why the last probe failed, as logged; null while the database answers. */
    private String failure;

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

    /** Starts the area again once the database answers, first tried after {@link #FIRST_WAIT}. */
    void park(Area area) {
        park(area, FIRST_WAIT);
    }

    /** Starts the area as soon as the database answers, tried at once (on the probe's thread). */
    void startWhenAnswering(Area area) {
        park(area, Duration.ZERO);
    }

    private void park(Area area, Duration firstTry) {
        synchronized (this) {
            if (!probe.isShutdown()) {
                parked.add(area);
                if (!probing) {
                    probing = true;
                    wait = FIRST_WAIT;
                    schedule(firstTry);
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
        String reason = connectionFailure();
        if (reason != null) {
            failed(reason);
            return false;
        }
        List<Area> toStart;
        boolean wasDown;
        synchronized (this) {
            toStart = List.copyOf(parked);
            parked.clear();
            probing = false;
            wasDown = failure != null;
            failure = null;
        }
        for (Area area : toStart) {
            if (wasDown) {
                LOG.info("The database answers now: starting {}", area.name());
            }
            start(area);
        }
        return true;
    }

    /** Why no connection could be had, or null when the database answered. */
    private String connectionFailure() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(5) ? null : "the connection is not valid";
        } catch (SQLException | RuntimeException e) {
            // the driver's words (PostgreSQL and H2 never repeat a password in them)
            return String.valueOf(e.getMessage());
        }
    }

    private synchronized void failed(String reason) {
        List<String> waiting = waiting();
        if (reason.equals(failure)) {
            LOG.debug("The database still does not answer ({}); waiting: {}", reason, waiting);
            return;
        }
        failure = reason;
        LOG.warn("The database does not answer ({}); waiting for it, without restart: {} (tried again with waits"
                + " doubling up to {} s; logged again when the reason changes)", reason,
                waiting.isEmpty() ? "nothing" : String.join(", ", waiting), LONGEST_WAIT.toSeconds());
    }

    /** Called holding this object's lock, so that close cannot stop the probe in between. */
    private void schedule(Duration delay) {
        probe.schedule(() -> {
            if (!probeOnce()) {
                synchronized (this) {
                    if (!probe.isShutdown()) {
                        schedule(wait);
                        wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
                    }
                }
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Why the database did not answer at the last probe, while it does not (for tests). */
    synchronized String failure() {
        return failure;
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
