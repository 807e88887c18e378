package org.certportal.contacts.internal.ui;

import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactPermissions;
import org.certportal.contacts.api.ContactService;
import org.certportal.persistence.api.Page;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.Pages;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
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
    private final Span count = new Span();
    private final Paragraph empty = new Paragraph();
    final ContactForm form;
    private Contact editing;

    /** @param dates how the organisation writes dates: birth dates are shown and picked in it */
    public ContactsView(ContactService contacts, SecurityService security, DateFormats dates) {
        this.contacts = contacts;
        this.form = new ContactForm(editor::close, dates);
        setSizeFull();
        boolean mayEdit = security.isPermitted(ContactPermissions.EDIT);
        search.setId("contact-search");
        search.setPlaceholder("Given family, family, given, email or identifier");
        search.setWidth("min(100%, 24rem)");
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
        grid.addColumn(c -> dates.date(c.birthDate())).setHeader("Birth date");
        grid.setItems(query -> contacts.search(search.getValue(), Pages.of(query)).items().stream(),
                query -> counted(contacts.search(search.getValue(), Pages.count()), mayEdit));
        count.setId("contact-count");
        empty.setId("contact-empty");
        empty.setVisible(false);
        if (mayEdit) {
            grid.addItemClickListener(e -> edit(e.getItem()));
        }
        editor.add(form);
        form.setOnSave(draft -> {
            try {
                if (editing == null) {
                    contacts.create(draft);
                } else {
                    contacts.update(editing.id(), editing.version(), draft);
                }
            } catch (IllegalArgumentException refused) {
                form.refused(refused.getMessage());
                return;
            }
            editor.close();
            grid.getDataProvider().refreshAll();
            Notification.show("Contact saved.", 3000, Notification.Position.BOTTOM_START);
        });
        H2 title = new H2("Contacts");
        title.setId("contacts-title");
        HorizontalLayout bar = new HorizontalLayout(search, add, count);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        add(title, bar, grid, empty);
        expand(grid);
    }

    /**
     * The count callback: shows how many match ("more than 10,000" past the count's cap, where the
     * grid scrolls through the first 10,000) and, for none, what to do next.
     */
    private int counted(Page<Contact> page, boolean mayEdit) {
        long total = page.total();
        String text = search.getValue().strip();
        count.setText(page.totalText("contact", "contacts"));
        empty.setVisible(total == 0);
        if (total == 0) {
            empty.setText(!text.isEmpty()
                    ? "No contact matches \"" + text + "\". Try the start of the family name alone, \"family, given\","
                            + " or the first characters of the identifier."
                    : mayEdit ? "No contacts yet. Add the first with New contact." : "No contacts yet.");
        }
        return Pages.total(total);
    }

    private void edit(Contact contact) {
        editing = contact;
        form.show(contact);
        editor.setHeaderTitle(contact == null ? "New contact" : "Edit contact");
        editor.open();
    }
}
