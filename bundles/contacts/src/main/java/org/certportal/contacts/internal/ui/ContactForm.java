package org.certportal.contacts.internal.ui;

import java.util.function.Consumer;

import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactDraft;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.FieldErrors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Fields of a contact; hands a draft to the view, which saves it through the service. A refusal of
 * the service is shown beside the field it names ({@link #refused}), or above the buttons.
 */
class ContactForm extends FormLayout {
    private static final long serialVersionUID = 1L;
    final TextField givenName = new TextField("Given name");
    final TextField familyName = new TextField("Family name");
    final EmailField email = new EmailField("Email");
    final DatePicker birthDate = new DatePicker("Birth date");
    final TextField externalId = new TextField("External identifier");
    final Paragraph formError = new Paragraph();
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");
    private final FieldErrors errors = new FieldErrors();
    private Consumer<ContactDraft> onSave = d -> { };

    /** @param dates how the organisation writes dates: the birth date is picked in it */
    ContactForm(Runnable onCancel, DateFormats dates) {
        dates.localize(birthDate);
        givenName.setId("contact-given-name");
        familyName.setId("contact-family-name");
        familyName.setRequired(true);
        email.setId("contact-email");
        birthDate.setId("contact-birth-date");
        externalId.setId("contact-external-id");
        formError.setId("contact-form-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        formError.setVisible(false);
        save.setId("contact-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            clearErrors();
            this.onSave.accept(draft());
        });
        cancel.addClickListener(e -> onCancel.run());
        errors.field("family name", familyName).field("given name", givenName).field("email", email)
                .field("birth date", birthDate).field("external identifier", externalId);
        add(givenName, familyName, email, birthDate, externalId, formError, new HorizontalLayout(save, cancel));
        setColspan(formError, 2);
        // one column on a phone, two from 32em
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2));
    }

    void setOnSave(Consumer<ContactDraft> onSave) {
        this.onSave = onSave;
    }

    void show(Contact c) {
        givenName.setValue(c == null || c.givenName() == null ? "" : c.givenName());
        familyName.setValue(c == null ? "" : c.familyName());
        email.setValue(c == null || c.email() == null ? "" : c.email());
        birthDate.setValue(c == null ? null : c.birthDate());
        externalId.setValue(c == null || c.externalId() == null ? "" : c.externalId());
        clearErrors();
    }

    /** The service refused the draft: the sentence goes beside the field it names, else above the buttons. */
    void refused(String sentence) {
        if (!errors.show(sentence)) {
            formError.setText(sentence);
            formError.setVisible(true);
        }
    }

    private void clearErrors() {
        errors.clear();
        formError.setText("");
        formError.setVisible(false);
    }

    ContactDraft draft() {
        return new ContactDraft(givenName.getValue(), familyName.getValue(), email.getValue(), birthDate.getValue(),
                externalId.getValue());
    }
}
