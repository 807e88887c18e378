package org.certportal.sample.views.internal;

import org.certportal.ui.spi.PageAction;
import org.osgi.service.component.annotations.Component;

/** A button on the Process Center that opens the sample manager view, for managers only. */
@Component(service = PageAction.class)
public class SampleAction implements PageAction {
    @Override
    public String key() {
        return "sample-manage";
    }

    @Override
    public String target() {
        return PageAction.PROCESSES;
    }

    @Override
    public String label() {
        return "Sample manager";
    }

    @Override
    public String permission() {
        return SamplePermissionProvider.MANAGE;
    }

    @Override
    public String location(String subject) {
        return "sample-manager";
    }
}
