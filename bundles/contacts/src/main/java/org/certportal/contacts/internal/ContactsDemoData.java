package org.certportal.contacts.internal;

import java.time.LocalDate;

import org.certportal.contacts.api.ContactService;
import org.certportal.persistence.api.DemoData;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Demo contacts with identifiers D&lt;seed&gt;-&lt;n&gt;, created through the service like any others. */
@Component
public class ContactsDemoData implements DemoData {
    private final ContactService contacts;

    @Activate
    public ContactsDemoData(@Reference ContactService contacts) {
        this.contacts = contacts;
    }

    @Override
    public String name() {
        return "contacts";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String unit() {
        return "contacts";
    }

    @Override
    public int smallCount() {
        return 200;
    }

    @Override
    public String generate(int count, long seed) {
        int created = contacts.createAll(DemoContacts.generate(count, seed, LocalDate.now()));
        return String.format("Created %,d demo contacts", created);
    }
}
