package org.certportal.sample.views.internal;

import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

/** Leaves building the view to the default: the view class's no-argument constructor. */
@Component(service = ViewContribution.class)
public class SampleManagerContribution extends BasicViewContribution {
    public SampleManagerContribution() {
        super("sample-manager", "Sample manager", SamplePermissionProvider.MANAGE, SampleManagerView.class, "Samples",
                110, "vaadin:file-o");
    }
}
