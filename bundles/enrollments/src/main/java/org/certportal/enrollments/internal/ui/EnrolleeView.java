package org.certportal.enrollments.internal.ui;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactService;
import org.certportal.enrollments.api.Application;
import org.certportal.enrollments.api.ApplicationService;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.enrollments.api.ProgressStep;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.Pages;
import org.certportal.ui.spi.ViewRegistry;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.StreamResource;

/**
 * By enrollee: a contact's enrollments with progress, their applications with the decide buttons, the
 * programs still open to them (to enroll, or to record an application where the program has one), the
 * transcript.
 */
public class EnrolleeView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final transient EnrollmentService enrollments;
    private final transient ApplicationService applications;
    private final transient ProgramService programs;
    private final transient SecurityService security;
    private final transient Supplier<Optional<ViewRegistry>> views;
    private final transient DateFormats dates;
    private final ComboBox<Contact> contact = new ComboBox<>("Contact");
    private final Grid<Row> enrolled = new Grid<>();
    final Grid<Application> applied = new Grid<>();
    private final Grid<ProgramSummary> open = new Grid<>();
    private final Anchor transcript = new Anchor();
    private final Map<Long, String> programNames = new HashMap<>();

    /** An enrollment with its program's name and how far the enrollee got. */
    record Row(Enrollment enrollment, String program, String progress) {
    }

    /**
     * @param views the portal's views, when present: an enrollment links to a completions view it serves
     * @param dates how the organisation writes dates: the grids, the confirm dialogs and the enrollment's pickers
     */
    public EnrolleeView(EnrollmentService enrollments, ApplicationService applications, ProgramService programs,
            ContactService contacts, SecurityService security, Supplier<Optional<ViewRegistry>> views,
            DateFormats dates) {
        this.enrollments = enrollments;
        this.applications = applications;
        this.programs = programs;
        this.security = security;
        this.views = views;
        this.dates = dates;
        setSizeFull();
        H2 title = new H2("Enrollee");
        title.setId("enrollee-title");
        contact.setId("enrollee-contact");
        contact.setWidth("min(100%, 28rem)");
        contact.setItemLabelGenerator(c -> (c.givenName() == null ? "" : c.givenName() + " ") + c.familyName()
                + (c.externalId() == null ? "" : " (" + c.externalId() + ")"));
        contact.setItems(q -> contacts.search(q.getFilter().orElse(""), Pages.of(q)).items().stream(),
                q -> Pages.total(contacts.search(q.getFilter().orElse(""), Pages.count()).total()));
        contact.addValueChangeListener(e -> refresh());

        transcript.setId("transcript-download");
        transcript.setText("Print transcript");
        transcript.getElement().setAttribute("download", true);
        transcript.setVisible(false);

        enrolled.setId("enrollee-enrollments");
        enrolled.addColumn(Row::program).setHeader("Program");
        enrolled.addColumn(r -> r.enrollment().status().title()).setHeader("Status");
        enrolled.addColumn(Row::progress).setHeader("Progress");
        enrolled.addColumn(r -> dates.date(r.enrollment().enrolledOn())).setHeader("Enrolled");
        enrolled.addColumn(r -> dates.date(r.enrollment().expiresOn())).setHeader("Expires");
        enrolled.setAllRowsVisible(true);
        enrolled.addItemClickListener(e -> openEnrollment(e.getItem()));

        boolean mayEnroll = security.isPermitted(EnrollmentPermissions.EDIT);
        applied.setId("enrollee-applications");
        applied.addColumn(Application::programCode).setHeader("Program");
        applied.addColumn(a -> a.status().title()).setHeader("Status");
        applied.addColumn(a -> dates.date(a.appliedOn())).setHeader("Applied");
        applied.addColumn(a -> a.decidedBy() == null ? "" : a.decidedBy()).setHeader("Decided by");
        applied.addColumn(a -> a.reason() == null ? "" : a.reason()).setHeader("Reason");
        applied.addComponentColumn(a -> ApplicationActions.buttons(applications, a, mayEnroll, this::refresh))
                .setHeader("").setAutoWidth(true);
        applied.setAllRowsVisible(true);

        open.setId("enrollee-open-programs");
        open.addColumn(ProgramSummary::name).setHeader("Program");
        open.addColumn(ProgramSummary::code).setHeader("Code");
        open.addComponentColumn(p -> {
            if (takesApplications(p.id())) {
                Button apply = new Button("Record application", e -> apply(p));
                apply.setId("apply-program-" + p.id());
                apply.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
                apply.setVisible(mayEnroll);
                return apply;
            }
            Button enroll = new Button("Enroll", e -> enroll(p));
            enroll.setId("enroll-program-" + p.id());
            enroll.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            enroll.setVisible(mayEnroll);
            return enroll;
        }).setHeader("");
        open.setAllRowsVisible(true);

        add(title, contact, transcript, new H3("Enrolled in"), enrolled, new H3("Applications"), applied,
                new H3("Active programs open to them"), open);
    }

    private void refresh() {
        Contact c = contact.getValue();
        transcript.setVisible(c != null && security.isPermitted(EnrollmentPermissions.TRANSCRIPT));
        if (c == null) {
            enrolled.setItems(List.of());
            applied.setItems(List.of());
            open.setItems(List.of());
            return;
        }
        // the PDF is made when the link is followed, in that request (run as the signed-in user)
        long id = c.id();
        transcript.setHref(new StreamResource("transcript-" + (c.externalId() == null ? id : c.externalId()) + ".pdf",
                () -> new ByteArrayInputStream(enrollments.transcript(id))));
        // a person has a handful of enrollments: all of them, each with its progress
        enrolled.setItems(enrollments.enrollmentsOf(id).stream().map(e -> new Row(e, programName(e.programId()),
                progress(enrollments.progress(e.id())))).toList());
        applied.setItems(applications.ofContact(id));
        open.setItems(enrollments.openPrograms(id));
    }

    private boolean takesApplications(long programId) {
        return programs.find(programId).map(p -> p.options().applicationRequired()).orElse(false);
    }

    /** Records a contact's application (on paper, by mail) after asking for its date. */
    private void apply(ProgramSummary p) {
        Contact c = contact.getValue();
        String person = contact.getItemLabelGenerator().apply(c);
        EnrollConfirmDialog dialog = new EnrollConfirmDialog(EnrollConfirmDialog.Wording.APPLICATION, person,
                p.name() + " (" + p.code() + ")", enrollments.today(), on -> {
                    try {
                        applications.submit(p.id(), c.id(), on);
                        return null;
                    } catch (IllegalArgumentException refused) {
                        return refused.getMessage();
                    }
                }, () -> {
                    Notification.show("Application to " + p.name() + " (" + p.code() + ") recorded; the enrollment is"
                            + " Applied.", 5000, Notification.Position.BOTTOM_START);
                    refresh();
                });
        dates.localize(dialog.enrolledOn);
        dialog.open();
    }

    private void enroll(ProgramSummary p) {
        Contact c = contact.getValue();
        String person = contact.getItemLabelGenerator().apply(c);
        EnrollConfirmDialog dialog = new EnrollConfirmDialog(person, p.name() + " (" + p.code() + ")",
                enrollments.today(), on -> {
            try {
                var result = enrollments.enroll(p.id(), List.of(c.id()), on);
                return result.refused().isEmpty() ? null : result.refused().get(0).reason();
            } catch (IllegalArgumentException refused) {
                return refused.getMessage();
            }
        }, () -> {
            Notification.show("Enrolled in " + p.name() + " (" + p.code() + ").", 5000,
                    Notification.Position.BOTTOM_START);
            refresh();
        });
        dates.localize(dialog.enrolledOn);
        dialog.open();
    }

    private void openEnrollment(Row row) {
        Dialog dialog = new Dialog();
        dialog.setWidth("60rem");
        dialog.add(new EnrollmentPanel(enrollments, security, views, dates,
                contact.getValue().familyName() + " in " + row.program(),
                row.enrollment().id(), this::refresh));
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private String programName(long programId) {
        return programNames.computeIfAbsent(programId,
                // with its code: two programs of one name never look alike
                id -> programs.find(id).map(p -> p.name() + " (" + p.code() + ")").orElse("Program " + id));
    }

    private static String progress(List<ProgressStep> steps) {
        long done = steps.stream().filter(s -> s.state().complete()).count();
        return done + " of " + steps.size() + " complete";
    }
}
