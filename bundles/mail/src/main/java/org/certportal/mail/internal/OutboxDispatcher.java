package org.certportal.mail.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.certportal.persistence.api.DataSources;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox from one background thread: every {@code pollSeconds}, and soon after a wake-up.
 * A malformed edit of etc/org.certportal.mail.cfg is refused with the file and key logged, and
 * sending goes on with the last good settings (a start with a bad file sends nothing: messages stay
 * queued until it is fixed).
 */
@Component(immediate = true, configurationPid = MailConfig.PID, service = { OutboxWakeUp.class,
    MailDeliveryState.class })
@Designate(ocd = MailConfig.class)
public class OutboxDispatcher implements OutboxWakeUp, MailDeliveryState {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** Lets a caller that just queued a message commit before the look. */
    static final long WAKE_UP_DELAY_MILLIS = 300;
    private final MailSettings settings;
    private final OutboxDelivery delivery;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private volatile boolean stopping;

    /** @param migrated referenced so that sending starts once the outbox table is up to date */
    @Activate
    public OutboxDispatcher(Map<String, Object> config, @Reference MailSchema migrated,
            @Reference(target = DataSources.TARGET) DataSource dataSource) {
        settings = MailSettings.accept(config);
        if (!settings.serverConfigured()) {
            delivery = null;
            executor = null;
            LOG.info("No mail server is configured (smtpHost in {}): mail waits in the outbox until one is",
                    MailSettings.FILE);
            return;
        }
        Clock clock = Clock.systemUTC();
        delivery = new OutboxDelivery(new OutboxStore(dataSource), new SmtpSender(settings.smtp(), clock),
                settings.backoff(), clock, ManagementFactory.getRuntimeMXBean().getName());
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "certportal-mail-outbox");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::round, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Mail outbox sends through {} every {} s", settings.smtp(), settings.pollInterval().toSeconds());
    }

    @Override
    public Optional<String> notSendingBecause() {
        return settings.serverConfigured() ? Optional.empty()
                : Optional.of("No mail server is configured: messages wait here until smtpHost is set in "
                        + MailSettings.FILE + ".");
    }

    @Override
    public void wakeUp() {
        if (executor != null && wakeUpPending.compareAndSet(false, true)) {
            try {
                executor.schedule(this::round, WAKE_UP_DELAY_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // stopping: the next start sends it
            }
        }
    }

    private void round() {
        wakeUpPending.set(false);
        try {
            int released = delivery.releaseStale(settings.staleAfter());
            if (released > 0) {
                LOG.warn("{} message(s) were left 'sending' by a portal that stopped mid-send; queued again (the"
                        + " recipients may get them twice)", released);
            }
            delivery.runOnce(() -> stopping);
        } catch (Exception e) {
            // a failed round must not end the schedule: the next one tries again
            LOG.warn("Sending the mail outbox failed, trying again in {} s: {}", settings.pollInterval().toSeconds(),
                    e.toString());
        }
    }

    @Deactivate
    void stop() {
        stopping = true;
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            // a message being handed over finishes (bounded by the SMTP timeouts); no new one starts
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The mail sender did not stop within 10 s; a message left 'sending' is queued again after"
                        + " {} minutes", settings.staleAfter().toMinutes());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
