package org.certportal.settings.internal.ui;

import org.certportal.settings.api.SettingsPermissions;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

@Component(service = ViewContribution.class)
public class SettingsContribution extends BasicViewContribution {
    public SettingsContribution() {
        super("settings", "Settings", SettingsPermissions.EDIT, SettingsView.class, "Administration", 910,
                "vaadin:cog");
    }
}
