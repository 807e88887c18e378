package org.certportal.sample.views.internal;

import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

@Component
public class SampleContribution implements ViewContribution {
    @Override
    public String route() {
        return "sample";
    }

    @Override
    public String title() {
        return "Sample";
    }

    @Override
    public String permission() {
        return SamplePermissions.READ;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return SampleView.class;
    }

    @Override
    public String group() {
        return "Samples";
    }

    @Override
    public String icon() {
        return "vaadin:flask";
    }
}
