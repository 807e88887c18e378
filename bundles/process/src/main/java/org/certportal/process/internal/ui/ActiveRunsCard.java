package org.certportal.process.internal.ui;

import org.certportal.process.api.ProcessPermissions;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.RunFilter;
import org.certportal.ui.spi.HomeCard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Home card: runs queued, running or cancelling now. */
@Component(service = HomeCard.class)
public class ActiveRunsCard implements HomeCard {
    private final ProcessService processes;

    @Activate
    public ActiveRunsCard(@Reference ProcessService processes) {
        this.processes = processes;
    }

    @Override
    public String key() {
        return "runs-active";
    }

    @Override
    public String title() {
        return "Runs active";
    }

    @Override
    public String description() {
        return "Queued or running processes";
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
        return 700;
    }

    @Override
    public long value() {
        return processes.countRuns(RunFilter.active(), null);
    }
}
