package org.certportal.contacts.internal.ui;

import java.util.function.Consumer;

import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactDraft;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;

/** Fields of a contact; hands a draft to the view, which saves it through the service. */
class ContactForm extends FormLayout {
    private static final long serialVersionUID = 1L;
    final TextField givenName = new TextField("Given name");
    final TextField familyName = new TextField("Family name");
    final EmailField email = new EmailField("Email");
    final DatePicker birthDate = new DatePicker("Birth date");
    final TextField externalId = new TextField("External identifier");
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");

    ContactForm(Consumer<ContactDraft> onSave, Runnable onCancel) {
        givenName.setId("contact-given-name");
        familyName.setId("contact-family-name");
        familyName.setRequired(true);
        email.setId("contact-email");
        externalId.setId("contact-external-id");
        save.setId("contact-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> onSave.accept(draft()));
        cancel.addClickListener(e -> onCancel.run());
        add(givenName, familyName, email, birthDate, externalId, new HorizontalLayout(save, cancel));
    }

    void show(Contact c) {
        givenName.setValue(c == null || c.givenName() == null ? "" : c.givenName());
        familyName.setValue(c == null ? "" : c.familyName());
        email.setValue(c == null || c.email() == null ? "" : c.email());
        birthDate.setValue(c == null ? null : c.birthDate());
        externalId.setValue(c == null || c.externalId() == null ? "" : c.externalId());
    }

    ContactDraft draft() {
        return new ContactDraft(givenName.getValue(), familyName.getValue(), email.getValue(), birthDate.getValue(),
                externalId.getValue());
    }
}
