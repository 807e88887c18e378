package org.certportal.contacts.internal.ui;

import org.certportal.contacts.api.ContactPermissions;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

@Component
public class ContactsContribution implements ViewContribution {
    @Override
    public String route() {
        return "contacts";
    }

    @Override
    public String title() {
        return "Contacts";
    }

    @Override
    public String permission() {
        return ContactPermissions.READ;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return ContactsView.class;
    }

    @Override
    public String group() {
        return "People";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String icon() {
        return "vaadin:users";
    }
}
