package org.certportal.settings.internal.ui;

import org.certportal.settings.api.SettingsPermissions;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

@Component
public class SettingsContribution implements ViewContribution {
    @Override
    public String route() {
        return "settings";
    }

    @Override
    public String title() {
        return "Settings";
    }

    @Override
    public String permission() {
        return SettingsPermissions.EDIT;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return SettingsView.class;
    }

    @Override
    public String group() {
        return "Administration";
    }

    @Override
    public int order() {
        return 910;
    }

    @Override
    public String icon() {
        return "vaadin:cog";
    }
}
