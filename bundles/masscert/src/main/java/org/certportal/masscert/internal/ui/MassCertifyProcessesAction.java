package org.certportal.masscert.internal.ui;

import org.certportal.masscert.api.MassCertPermissions;
import org.certportal.ui.spi.PageAction;
import org.osgi.service.component.annotations.Component;

/** "Mass certification" on the Process Center: the Add Schedule form of mass certification. */
@Component(service = PageAction.class)
public class MassCertifyProcessesAction implements PageAction {

    @Override
    public String key() {
        return "masscert-processes";
    }

    @Override
    public String target() {
        return PROCESSES;
    }

    @Override
    public String label() {
        return "Mass certification";
    }

    @Override
    public String permission() {
        return MassCertPermissions.RUN;
    }

    @Override
    public String location(String subject) {
        return MassCertContribution.ROUTE;
    }
}
