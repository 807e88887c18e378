package org.certportal.sample.views.internal;

import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

@Component(service = ViewContribution.class)
public class SampleManagerContribution extends BasicViewContribution {
    public SampleManagerContribution() {
        super("sample-manager", "Sample manager", SamplePermissions.MANAGE, SampleManagerView.class, "Samples",
                110, "vaadin:file-o");
    }
}
