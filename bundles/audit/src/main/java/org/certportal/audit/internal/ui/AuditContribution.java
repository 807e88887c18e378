package org.certportal.audit.internal.ui;

import org.certportal.audit.api.AuditPermissions;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

@Component
public class AuditContribution implements ViewContribution {
    @Override
    public String route() {
        return "audit";
    }

    @Override
    public String title() {
        return "Audit log";
    }

    @Override
    public String permission() {
        return AuditPermissions.READ;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return AuditView.class;
    }

    @Override
    public String group() {
        return "Administration";
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public String icon() {
        return "vaadin:records";
    }
}
