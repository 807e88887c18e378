package org.certportal.contacts.internal.ui;

import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactPermissions;
import org.certportal.contacts.api.ContactService;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.Pages;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** Find contacts (paged and sorted in the database) and create or edit them. */
public class ContactsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final transient ContactService contacts;
    private final Grid<Contact> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Dialog editor = new Dialog();
    private Contact editing;

    public ContactsView(ContactService contacts, SecurityService security) {
        this.contacts = contacts;
        setSizeFull();
        boolean mayEdit = security.isPermitted(ContactPermissions.EDIT);
        search.setId("contact-search");
        search.setPlaceholder("Name, email or identifier");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button add = new Button("New contact", e -> edit(null));
        add.setId("contact-new");
        add.setVisible(mayEdit);

        grid.setId("contact-grid");
        grid.addColumn(Contact::familyName).setHeader("Family name").setSortProperty(ContactService.SORT_FAMILY_NAME);
        grid.addColumn(Contact::givenName).setHeader("Given name").setSortProperty(ContactService.SORT_GIVEN_NAME);
        grid.addColumn(Contact::email).setHeader("Email").setSortProperty(ContactService.SORT_EMAIL);
        grid.addColumn(Contact::externalId).setHeader("Identifier").setSortProperty(ContactService.SORT_EXTERNAL_ID);
        grid.addColumn(Contact::birthDate).setHeader("Birth date");
        grid.setItems(query -> contacts.search(search.getValue(), Pages.of(query)).items().stream(),
                query -> Pages.total(contacts.search(search.getValue(), Pages.count()).total()));
        if (mayEdit) {
            grid.addItemClickListener(e -> edit(e.getItem()));
        }
        editor.add(new ContactForm(draft -> {
            if (editing == null) {
                contacts.create(draft);
            } else {
                contacts.update(editing.id(), editing.version(), draft);
            }
            editor.close();
            grid.getDataProvider().refreshAll();
            Notification.show("Contact saved.", 3000, Notification.Position.BOTTOM_START);
        }, editor::close));
        H2 title = new H2("Contacts");
        title.setId("contacts-title");
        add(title, new HorizontalLayout(search, add), grid);
        expand(grid);
    }

    private void edit(Contact contact) {
        editing = contact;
        editor.getChildren().filter(ContactForm.class::isInstance).map(ContactForm.class::cast).findFirst()
                .ifPresent(form -> form.show(contact));
        editor.setHeaderTitle(contact == null ? "New contact" : "Edit contact");
        editor.open();
    }
}
