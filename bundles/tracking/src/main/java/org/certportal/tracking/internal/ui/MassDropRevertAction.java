package org.certportal.tracking.internal.ui;

import org.certportal.tracking.api.MassDropService;
import org.certportal.tracking.api.TrackingPermissions;
import org.certportal.ui.spi.PageAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * "Revert" on a run's details in the Process Center, for finished, real mass drops not reverted yet; it opens
 * the revert page, which shows what the revert will do and asks before doing it.
 */
@Component(service = PageAction.class)
public class MassDropRevertAction implements PageAction {
    private final MassDropService drops;

    @Activate
    public MassDropRevertAction(@Reference MassDropService drops) {
        this.drops = drops;
    }

    @Override
    public String key() {
        return "tracking-revert";
    }

    @Override
    public String target() {
        return PageAction.PROCESS_RUN;
    }

    @Override
    public String label() {
        return "Revert";
    }

    @Override
    public String permission() {
        return TrackingPermissions.MASS_DROP;
    }

    @Override
    public String location(String subject) {
        return MassDropRevertContribution.ROUTE + "?" + MassDropRevertView.RUN + "=" + subject;
    }

    /** One service call: finished, real, a mass drop, not reverted. */
    @Override
    public boolean appliesTo(String subject) {
        try {
            return drops.revertable(Long.parseLong(subject.strip()));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
