package org.certportal.process.internal.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.certportal.process.api.ProcessPermissions;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.RunFilter;
import org.certportal.process.api.RunState;
import org.certportal.ui.spi.HomeCard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Home card: runs that failed in the last seven days (a week, so a Monday still sees Friday's). */
@Component(service = HomeCard.class)
public class FailedRunsCard implements HomeCard {
    static final Duration WINDOW = Duration.ofDays(7);
    private final ProcessService processes;
    private final Clock clock;

    @Activate
    public FailedRunsCard(@Reference ProcessService processes) {
        this(processes, Clock.systemUTC());
    }

    FailedRunsCard(ProcessService processes, Clock clock) {
        this.processes = processes;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "runs-failed";
    }

    @Override
    public String title() {
        return "Runs failed";
    }

    @Override
    public String description() {
        return "In the last 7 days";
    }

    @Override
    public String permission() {
        return ProcessPermissions.READ;
    }

    @Override
    public String route() {
        return "processes";
    }

    @Override
    public int order() {
        return 710;
    }

    @Override
    public long value() {
        return processes.countRuns(new RunFilter(null, Set.of(RunState.FAILED), null), clock.instant().minus(WINDOW));
    }
}
