package org.certportal.enrollments.internal.ui;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactService;
import org.certportal.enrollments.api.EnrollResult;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.Pages;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * Find contacts, tick one or many, pick the enrollment date (today by default; editable once someone
 * is ticked) and enroll them; the result names who was refused and why.
 */
class EnrollDialog extends Dialog {
    private static final long serialVersionUID = 1L;

    EnrollDialog(EnrollmentService enrollments, ContactService contacts, long programId, String programName,
            Runnable onEnrolled, DateFormats dates) {
        setHeaderTitle("Enroll contacts in " + programName);
        setWidth("56rem");
        TextField search = new TextField();
        search.setId("enroll-contact-search");
        search.setPlaceholder("Name, email or identifier");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);

        Grid<Contact> grid = new Grid<>();
        grid.setId("enroll-contact-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(Contact::familyName).setHeader("Family name").setSortProperty(ContactService.SORT_FAMILY_NAME);
        grid.addColumn(Contact::givenName).setHeader("Given name").setSortProperty(ContactService.SORT_GIVEN_NAME);
        grid.addColumn(Contact::externalId).setHeader("Identifier").setSortProperty(ContactService.SORT_EXTERNAL_ID);
        grid.addColumn(Contact::email).setHeader("Email");
        grid.setItems(q -> contacts.search(search.getValue(), Pages.of(q)).items().stream(),
                q -> Pages.total(contacts.search(search.getValue(), Pages.count()).total()));
        grid.setHeight("24rem");
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        DatePicker date = dates.localize(new DatePicker("Enrollment date", enrollments.today()));
        date.setId("enroll-date");
        date.setMax(enrollments.today());
        date.setEnabled(false);
        Button submit = new Button("Enroll");
        submit.setId("enroll-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setEnabled(false);
        grid.asMultiSelect().addValueChangeListener(e -> {
            boolean any = !e.getValue().isEmpty();
            date.setEnabled(any);
            submit.setEnabled(any);
            submit.setText(any ? "Enroll " + e.getValue().size() : "Enroll");
        });
        submit.addClickListener(e -> {
            Set<Contact> chosen = grid.asMultiSelect().getValue();
            Map<Long, Contact> byId = chosen.stream().collect(Collectors.toMap(Contact::id, Function.identity()));
            EnrollResult result = enrollments.enroll(programId, List.copyOf(byId.keySet()), date.getValue());
            close();
            onEnrolled.run();
            Notification.show(summary(result, byId), result.refused().isEmpty() ? 4000 : 15000,
                    Notification.Position.MIDDLE).setId("enroll-result");
        });
        Button close = new Button("Close", e -> close());
        add(search, grid, date);
        getFooter().add(close, submit);
    }

    static String summary(EnrollResult result, Map<Long, Contact> byId) {
        StringBuilder sb = new StringBuilder("Enrolled " + result.enrolled().size() + ".");
        if (!result.refused().isEmpty()) {
            sb.append(" Not enrolled: ");
            sb.append(result.refused().stream().map(r -> {
                Contact c = byId.get(r.contactId());
                String who = c == null ? "contact " + r.contactId()
                        : (c.givenName() == null ? "" : c.givenName() + " ") + c.familyName();
                return who + " (" + r.reason() + ")";
            }).collect(Collectors.joining("; ")));
        }
        return sb.toString();
    }
}
