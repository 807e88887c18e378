package org.certportal.process.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.certportal.audit.api.AuditLog;
import org.certportal.mail.api.MailOutbox;
import org.certportal.persistence.api.DataSources;
import org.certportal.persistence.api.SchemaMigrator;
import org.certportal.security.api.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's threads in this portal: a poller (every {@code pollSeconds}, and soon after a start)
 * that fires due schedules, takes back runs of dead workers and hands queued runs to a few workers.
 * Stopping lets each worker finish its chunk; its run then waits, queued, for the next start (here
 * or in another portal).
 */
@Component(immediate = true, configurationPid = ProcessConfig.PID, service = EngineWakeUp.class)
@Designate(ocd = ProcessConfig.class)
public class ProcessEngine implements EngineWakeUp {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessEngine.class);
    private final Engine engine;
    private final EngineSettings settings;
    private final ScheduledExecutorService poller;
    private final ExecutorService workers;
    private final Semaphore freeWorkers;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private volatile boolean stopping;

    /**
     * The engine migrates the schema itself (a no-op once the service did) rather than referencing
     * the service, which references the engine to wake it: SCR reports such cycles as errors.
     */
    @Activate
    public ProcessEngine(Map<String, Object> config, @Reference SchemaMigrator migrator,
            @Reference(target = DataSources.TARGET) DataSource dataSource, @Reference ProcessTypes types,
            @Reference SecurityService security, @Reference AuditLog audit, @Reference MailOutbox mail) {
        migrator.migrate(ProcessServiceImpl.class, ProcessServiceImpl.CHANGELOG);
        settings = EngineSettings.accept(config, defaultNode());
        Clock clock = Clock.systemUTC();
        engine = new Engine(settings, dataSource, types, security, new RunEvents(audit, mail, clock),
                new RunQueue(dataSource, audit));
        AtomicInteger n = new AtomicInteger();
        poller = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "certportal-process-poller"));
        workers = Executors.newFixedThreadPool(settings.workerThreads(),
                r -> thread(r, "certportal-process-worker-" + n.incrementAndGet()));
        freeWorkers = new Semaphore(settings.workerThreads());
        poller.scheduleWithFixedDelay(this::round, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Process engine {} runs up to {} processes in chunks of {} rows", engine.owner(),
                settings.workerThreads(), settings.chunkSize());
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    static String defaultNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String home = System.getProperty("karaf.base", System.getProperty("user.dir", ""));
        String node = host + ":" + home;
        return node.length() <= 150 ? node : node.substring(node.length() - 150);
    }

    @Override
    public void wakeUp() {
        if (wakeUpPending.compareAndSet(false, true)) {
            try {
                // at once: every caller rings after its transaction committed (a run waited 200 ms here before)
                poller.execute(this::round);
            } catch (RejectedExecutionException e) {
                // stopping: the next start picks it up
            }
        }
    }

    private void round() {
        wakeUpPending.set(false);
        if (stopping) {
            return;
        }
        try {
            engine.fireDueSchedules();
            engine.releaseOrphans();
            while (!stopping && freeWorkers.tryAcquire()) {
                Optional<StoredRun> run;
                try {
                    run = engine.claimNext();
                } catch (Exception e) {
                    freeWorkers.release();
                    throw e;
                }
                if (run.isEmpty()) {
                    freeWorkers.release();
                    break;
                }
                workers.execute(() -> {
                    try {
                        engine.execute(run.get(), () -> stopping);
                    } finally {
                        freeWorkers.release();
                        wakeUp(); // the next queued run need not wait for the poll
                    }
                });
            }
        } catch (Exception e) {
            // a failed round must not end the schedule: the next one tries again
            LOG.warn("The process engine's round failed, trying again in {} s: {}",
                    settings.pollInterval().toSeconds(), e.toString());
        }
    }

    @Deactivate
    void stop() {
        stopping = true;
        poller.shutdown();
        workers.shutdown();
        try {
            // each worker finishes its chunk and queues its run for the next start
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Process workers did not stop within 30 s; their runs resume once their heartbeat is stale"
                        + " ({} s) or at this portal's next start", settings.staleAfter().toSeconds());
                workers.shutdownNow();
            }
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
