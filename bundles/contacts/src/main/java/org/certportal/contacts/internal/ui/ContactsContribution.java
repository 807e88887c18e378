package org.certportal.contacts.internal.ui;

import org.certportal.contacts.api.ContactPermissions;
import org.certportal.contacts.api.ContactService;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.OrganisationFormats;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ViewContribution.class)
public class ContactsContribution extends BasicViewContribution {
    private final ContactService contacts;
    private final SecurityService security;
    private final OrganisationFormats formats;

    @Activate
    public ContactsContribution(@Reference ContactService contacts, @Reference SecurityService security,
            @Reference OrganisationFormats formats) {
        super("contacts", "Contacts", ContactPermissions.READ, ContactsView.class, "People", 10, "vaadin:users");
        this.contacts = contacts;
        this.security = security;
        this.formats = formats;
    }

    @Override
    public ContactsView createView() {
        return new ContactsView(contacts, security, formats.dates());
    }
}
