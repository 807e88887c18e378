package org.certportal.contacts.internal.ui;

import org.certportal.contacts.api.ContactPermissions;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

@Component(service = ViewContribution.class)
public class ContactsContribution extends BasicViewContribution {
    public ContactsContribution() {
        super("contacts", "Contacts", ContactPermissions.READ, ContactsView.class, "People", 10, "vaadin:users");
    }
}
