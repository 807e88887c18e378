package org.certportal.process.internal.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.certportal.process.api.ProcessPermissions;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.RunFilter;
import org.certportal.process.api.RunState;
import org.certportal.ui.spi.BasicHomeCard;
import org.certportal.ui.spi.HomeCard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Home card: runs that failed in the last seven days (a week, so a Monday still sees Friday's). */
@Component(service = HomeCard.class)
public class FailedRunsCard extends BasicHomeCard {
    static final Duration WINDOW = Duration.ofDays(7);
    private final ProcessService processes;
    private final Clock clock;

    @Activate
    public FailedRunsCard(@Reference ProcessService processes) {
        this(processes, Clock.systemUTC());
    }

    FailedRunsCard(ProcessService processes, Clock clock) {
        super("runs-failed", "Runs failed", "In the last 7 days", ProcessPermissions.READ, "processes", 710);
        this.processes = processes;
        this.clock = clock;
    }

    @Override
    public long value() {
        return processes.countRuns(new RunFilter(null, Set.of(RunState.FAILED), null), clock.instant().minus(WINDOW));
    }
}
