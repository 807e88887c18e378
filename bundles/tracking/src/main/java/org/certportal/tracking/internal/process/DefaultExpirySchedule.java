package org.certportal.tracking.internal.process;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.certportal.persistence.api.PageRequest;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.ProcessTypeInfo;
import org.certportal.process.api.Recurrence;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.ScheduleRequest;
import org.certportal.security.api.Role;
import org.certportal.security.api.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the first start of tracking, a daily schedule of the expiry at {@value #HOUR}:00 in the
 * organisation's time zone. It is created once: when any schedule of the expiry exists, even a
 * cancelled one, an administrator has decided, and nothing is added. A portal that was down when it
 * was due runs it once at start (the engine's rule for missed schedules).
 */
@Component(immediate = true)
public class DefaultExpirySchedule {
    static final int HOUR = 1;
    /**
     * Who the default schedule runs as: the portal itself, with every right, like an operator of the shell;
     * no portal account can have this name (user names have no colon).
     */
    static final String SYSTEM_USER = "tracking:system";
    private static final Logger LOG = LoggerFactory.getLogger(DefaultExpirySchedule.class);

    /** How long to wait for the engine to list the expiry after it is registered (both follow one service event). */
    static final int WAIT_SECONDS = 60;
    private final Thread worker;

    @Activate
    public DefaultExpirySchedule(@Reference ProcessService processes, @Reference SecurityService security,
            @Reference ExpiryProcess expiry) {
        worker = new Thread(() -> create(processes, security), "tracking-default-schedule");
        worker.setDaemon(true);
        worker.start();
    }

    @Deactivate
    void stop() {
        worker.interrupt();
    }

    private static void create(ProcessService processes, SecurityService security) {
        try {
            Long id = security.callAs(systemSubject(), () -> {
                for (int second = 0; second < WAIT_SECONDS; second++) {
                    if (processes.type(ExpiryProcess.ID).map(ProcessTypeInfo::available).orElse(false)) {
                        return createIfNone(processes, LocalDateTime.now());
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return null;
                    }
                }
                throw new IllegalStateException("the engine did not list the expiry within " + WAIT_SECONDS + " s");
            });
            if (id != null) {
                LOG.info("Scheduled the daily certification expiry (schedule {})", id);
            }
        } catch (RuntimeException e) {
            // the portal runs without it; an administrator can schedule it in the Process Center
            LOG.warn("Could not create the daily expiry schedule: {}", e.getMessage());
        }
    }

    /** @return the new schedule's id, or null when the expiry was scheduled before */
    public static Long createIfNone(ProcessService processes, LocalDateTime now) {
        if (processes.schedules(ExpiryProcess.ID, null, PageRequest.first(1)).total() > 0) {
            return null;
        }
        LocalDateTime first = now.toLocalDate().atTime(LocalTime.of(HOUR, 0));
        return processes.schedule(new ScheduleRequest(ExpiryProcess.ID, Map.of(), first, null, Recurrence.DAILY,
                RunOptions.run()));
    }

    static Subject systemSubject() {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(SYSTEM_USER));
        subject.getPrincipals().add(new RolePrincipal(Role.SYSADMIN.id()));
        subject.setReadOnly();
        return subject;
    }
}
