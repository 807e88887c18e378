package org.certportal.sample.views.internal;

import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

/** Builds its view itself, as a contribution whose view calls services does (handing them over). */
@Component(service = ViewContribution.class)
public class SampleContribution extends BasicViewContribution {
    public SampleContribution() {
        super("sample", "Sample", SamplePermissionProvider.READ, SampleView.class, "Samples", 100, "vaadin:flask");
    }

    @Override
    public SampleView createView() {
        return new SampleView();
    }
}
