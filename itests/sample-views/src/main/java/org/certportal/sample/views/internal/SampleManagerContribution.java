package org.certportal.sample.views.internal;

import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

@Component
public class SampleManagerContribution implements ViewContribution {
    @Override
    public String route() {
        return "sample-manager";
    }

    @Override
    public String title() {
        return "Sample manager";
    }

    @Override
    public String permission() {
        return SamplePermissions.MANAGE;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return SampleManagerView.class;
    }

    @Override
    public String group() {
        return "Samples";
    }

    @Override
    public int order() {
        return 110;
    }
}
