package org.certportal.contacts.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.certportal.audit.api.AuditSubjects;
import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Contacts in the audit log by name and identifier ("Jana Novak (D1-120)"), read in one go per page. */
@Component
public class ContactAuditSubjects implements AuditSubjects {
    private final ContactService contacts;

    @Activate
    public ContactAuditSubjects(@Reference ContactService contacts) {
        this.contacts = contacts;
    }

    @Override
    public String entityType() {
        return ContactServiceImpl.AUDIT_TYPE;
    }

    @Override
    public Map<String, String> names(Collection<String> entityIds) {
        List<Long> ids = entityIds.stream().filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).toList();
        Map<String, String> names = new HashMap<>();
        contacts.findAll(ids).forEach((id, c) -> names.put(String.valueOf(id), name(c)));
        return names;
    }

    static String name(Contact c) {
        String name = ((c.givenName() == null ? "" : c.givenName() + " ") + c.familyName()).strip();
        return c.externalId() == null || c.externalId().isBlank() ? name : name + " (" + c.externalId() + ")";
    }
}
