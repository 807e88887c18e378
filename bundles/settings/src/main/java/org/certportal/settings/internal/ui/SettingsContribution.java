package org.certportal.settings.internal.ui;

import org.certportal.settings.api.SettingsPermissions;
import org.certportal.settings.api.SettingsService;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ViewContribution.class)
public class SettingsContribution extends BasicViewContribution {
    private final SettingsService settings;

    @Activate
    public SettingsContribution(@Reference SettingsService settings) {
        super("settings", "Settings", SettingsPermissions.EDIT, SettingsView.class, "Administration", 910, "vaadin:cog");
        this.settings = settings;
    }

    @Override
    public SettingsView createView() {
        return new SettingsView(settings);
    }
}
