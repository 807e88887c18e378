package org.certportal.process.internal.ui;

import org.certportal.process.api.ProcessPermissions;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.RunFilter;
import org.certportal.ui.spi.BasicHomeCard;
import org.certportal.ui.spi.HomeCard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Home card: runs queued, running or cancelling now. */
@Component(service = HomeCard.class)
public class ActiveRunsCard extends BasicHomeCard {
    private final ProcessService processes;

    @Activate
    public ActiveRunsCard(@Reference ProcessService processes) {
        super("runs-active", "Runs active", "Queued or running processes", ProcessPermissions.READ, "processes", 700);
        this.processes = processes;
    }

    @Override
    public long value() {
        return processes.countRuns(RunFilter.active(), null);
    }
}
