package org.certportal.tracking.internal.ui;

import org.certportal.tracking.api.MassDropService;
import org.certportal.tracking.api.TrackingPermissions;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The page that reverts a mass drop run ({@code tracking/revert?run=N}), opened from the run's details. */
@Component(service = ViewContribution.class)
public class MassDropRevertContribution extends BasicViewContribution {
    static final String ROUTE = "tracking/revert";
    private final MassDropService drops;

    @Activate
    public MassDropRevertContribution(@Reference MassDropService drops) {
        super(ROUTE, "Revert a mass drop", TrackingPermissions.MASS_DROP, MassDropRevertView.class, "Processes", 720,
                "vaadin:arrow-backward");
        this.drops = drops;
    }

    @Override
    public MassDropRevertView createView() {
        return new MassDropRevertView(drops);
    }
}
