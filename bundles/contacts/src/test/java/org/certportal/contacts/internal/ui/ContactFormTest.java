package org.certportal.contacts.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.certportal.contacts.api.ContactDraft;
import org.certportal.contacts.api.ContactService;
import org.certportal.contacts.internal.ContactPermissionProvider;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.certportal.ui.spi.DateFormats;
import org.junit.jupiter.api.Test;

/** The contact form without a browser: refusals beside their field, gone once fixed. */
class ContactFormTest {
    private final List<ContactDraft> created = new ArrayList<>();

    /** A service that refuses an email without '@' as the real one does, and records what it creates. */
    private final ContactService service = (ContactService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { ContactService.class }, (proxy, method, args) -> {
                if (!method.getName().equals("create")) {
                    throw new AssertionError("unexpected call " + method.getName());
                }
                ContactDraft d = (ContactDraft) args[0];
                if (!d.email().contains("@")) {
                    throw new IllegalArgumentException("Email '" + d.email() + "' is not a valid address.");
                }
                created.add(d);
                return null;
            });

    @Test
    void aRefusedEmailIsMarkedOnTheEmailFieldAndClearedByTheFix() {
        ContactsView view = new ContactsView(service, new TestSecurity(new ContactPermissionProvider()).as(Role.STAFF),
                DateFormats.iso(ZoneId.of("UTC")));
        ContactForm form = view.form;
        form.familyName.setValue("Doe");
        form.email.setValue("jane.example.org");
        form.save.click();

        assertTrue(form.email.isInvalid());
        assertEquals("Email 'jane.example.org' is not a valid address.", form.email.getErrorMessage());
        assertFalse(form.familyName.isInvalid(), "only the field named");
        assertFalse(form.formError.isVisible());
        assertTrue(created.isEmpty());

        form.email.setValue("jane@example.org");
        assertFalse(form.email.isInvalid(), "the message goes with the fix");
        assertTrue(form.email.getErrorMessage() == null || form.email.getErrorMessage().isEmpty());
        assertEquals("jane@example.org", form.draft().email());
    }

    @Test
    void aRefusalNamingNoFieldShowsAboveTheButtonsUntilTheNextAttempt() {
        ContactForm form = new ContactForm(() -> { }, DateFormats.iso(ZoneId.of("UTC")));
        form.refused("The contacts could not be saved just now.");
        assertTrue(form.formError.isVisible());
        assertEquals("The contacts could not be saved just now.", form.formError.getText());
        form.refused("Another contact already has the external identifier 'A-1'.");
        assertTrue(form.externalId.isInvalid());
        form.save.click();
        assertFalse(form.formError.isVisible());
        assertFalse(form.externalId.isInvalid());
    }
}
