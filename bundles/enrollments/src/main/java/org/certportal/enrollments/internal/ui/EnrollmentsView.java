package org.certportal.enrollments.internal.ui;

import org.certportal.contacts.api.ContactService;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.EnrolleeFilter;
import org.certportal.enrollments.api.EnrolleeRow;
import org.certportal.persistence.api.Page;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.enrollments.api.Standing;
import org.certportal.enrollments.api.Trackers;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.Pages;
import org.certportal.ui.spi.ViewRegistry;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** By program: the four trackers, the enrollee list (lazy, searched and sorted in the database), enrolling. */
public class EnrollmentsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final transient EnrollmentService enrollments;
    private final transient ProgramService programs;
    private final transient ContactService contacts;
    private final transient SecurityService security;
    private final transient Supplier<Optional<ViewRegistry>> views;
    private final transient DateFormats dates;
    private final ComboBox<ProgramSummary> program = new ComboBox<>("Program");
    private final Span earned = tracker("tracker-earned");
    private final Span enrolled = tracker("tracker-enrolled");
    private final Span grace = tracker("tracker-grace");
    private final Span expired = tracker("tracker-expired");
    private final TextField search = new TextField();
    private final Select<CertificationStatus> status = new Select<>();
    private final Select<Standing> standing = new Select<>();
    private final Grid<EnrolleeRow> grid = new Grid<>();
    private final Span count = new Span();
    private final Paragraph empty = new Paragraph();
    private final Button enroll = new Button("Enroll contacts");

    /**
     * @param views the portal's views, when present: an enrollment links to a completions view it serves
     * @param dates how the organisation writes dates: the grid, the enroll dialog and the enrollment's pickers
     */
    public EnrollmentsView(EnrollmentService enrollments, ProgramService programs, ContactService contacts,
            SecurityService security, Supplier<Optional<ViewRegistry>> views, DateFormats dates) {
        this.enrollments = enrollments;
        this.programs = programs;
        this.contacts = contacts;
        this.security = security;
        this.views = views;
        this.dates = dates;
        setSizeFull();
        H2 title = new H2("Enrollments");
        title.setId("enrollments-title");
        program.setId("enrollment-program");
        program.setWidth("min(100%, 28rem)");
        program.setItemLabelGenerator(p -> p.name() + " (" + p.code() + ")");
        program.setItems(q -> programs.search(q.getFilter().orElse(""), null,
                Pages.of(q).sortedBy(ProgramService.SORT_NAME, true)).items().stream(),
                q -> Pages.total(programs.search(q.getFilter().orElse(""), null, Pages.count()).total()));
        program.addValueChangeListener(e -> refresh());

        HorizontalLayout trackers = new HorizontalLayout(card("Earned", earned), card("Enrolled, not earned", enrolled),
                card("Grace period", grace), card("Expired", expired));

        search.setId("enrollee-search");
        search.setPlaceholder("Name or identifier");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        status.setId("enrollee-status-filter");
        status.setLabel("Status");
        status.setItems(CertificationStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "Any status" : s.title());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        standing.setId("enrollee-standing-filter");
        standing.setLabel("Tracker");
        standing.setItems(Standing.values());
        standing.setItemLabelGenerator(s -> s == null ? "Any" : s.title());
        standing.setEmptySelectionAllowed(true);
        standing.setEmptySelectionCaption("Any");
        standing.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        enroll.setId("enroll-open");
        enroll.setEnabled(false);
        enroll.setVisible(security.isPermitted(EnrollmentPermissions.EDIT));
        enroll.addClickListener(e -> openEnroll());
        HorizontalLayout tools = new HorizontalLayout(search, status, standing, enroll);
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("enrollee-grid");
        grid.addColumn(EnrolleeRow::contactName).setHeader("Name").setSortProperty(EnrollmentService.SORT_NAME);
        grid.addColumn(EnrolleeRow::externalId).setHeader("Identifier");
        grid.addColumn(r -> r.status().title()).setHeader("Status").setSortProperty(EnrollmentService.SORT_STATUS);
        grid.addColumn(r -> r.standing().title()).setHeader("Tracker");
        grid.addColumn(r -> dates.date(r.enrolledOn())).setHeader("Enrolled")
                .setSortProperty(EnrollmentService.SORT_ENROLLED_ON);
        grid.addColumn(r -> dates.date(r.expiresOn())).setHeader("Expires")
                .setSortProperty(EnrollmentService.SORT_EXPIRES_ON);
        grid.setItems(q -> program.getValue() == null ? java.util.stream.Stream.empty()
                : enrollments.enrollees(program.getValue().id(), filter(), Pages.of(q)).items().stream(),
                q -> counted(program.getValue() == null ? new Page<>(List.of(), 0)
                        : enrollments.enrollees(program.getValue().id(), filter(), Pages.count())));
        grid.addItemClickListener(e -> openEnrollment(e.getItem()));

        count.setId("enrollee-count");
        empty.setId("enrollee-empty");
        // at any width: the trackers and the tools wrap instead of scrolling sideways
        trackers.getStyle().set("flex-wrap", "wrap");
        tools.getStyle().set("flex-wrap", "wrap");
        tools.add(count);
        add(title, program, trackers, tools, grid, empty);
        expand(grid);
        counted(new Page<>(List.of(), 0));
    }

    /** The count callback: how many enrollees match and, for none, what to do next. */
    /** The count callback: says how many ("more than 10,000" past the count's cap, where the grid stops). */
    private int counted(Page<EnrolleeRow> page) {
        long total = page.total();
        ProgramSummary p = program.getValue();
        count.setVisible(p != null);
        count.setText(page.totalText("enrollee", "enrollees"));
        empty.setVisible(total == 0);
        if (p == null) {
            empty.setText("Choose a program above to see its enrollees and trackers.");
        } else if (!search.getValue().isBlank() || status.getValue() != null || standing.getValue() != null) {
            empty.setText("No enrollee matches these filters. Clear the search, or choose Any status and Any tracker.");
        } else if (enroll.isVisible() && p.status() == ProgramStatus.ACTIVE) {
            empty.setText("No one is enrolled in " + p.name() + " yet. Enroll contacts with Enroll.");
        } else {
            empty.setText("No one is enrolled in " + p.name() + " yet.");
        }
        return Pages.total(total);
    }

    private EnrolleeFilter filter() {
        return new EnrolleeFilter(search.getValue(), status.getValue(), standing.getValue());
    }

    private void refresh() {
        ProgramSummary p = program.getValue();
        Trackers t = p == null ? new Trackers(0, 0, 0, 0, 0) : enrollments.trackers(p.id());
        earned.setText(t.earned() + " of " + t.total());
        enrolled.setText(String.valueOf(t.enrolledNotEarned()));
        grace.setText(String.valueOf(t.gracePeriod()));
        expired.setText(String.valueOf(t.expired()));
        enroll.setEnabled(p != null && p.status() == ProgramStatus.ACTIVE);
        grid.getDataProvider().refreshAll();
    }

    private void openEnroll() {
        ProgramSummary p = program.getValue();
        new EnrollDialog(enrollments, contacts, p.id(), p.name(), this::refresh, dates).open();
    }

    private void openEnrollment(EnrolleeRow row) {
        Dialog dialog = new Dialog();
        dialog.setWidth("60rem");
        dialog.add(new EnrollmentPanel(enrollments, security, views, dates,
                row.contactName() + " in " + program.getValue().name(),
                row.enrollmentId(), this::refresh));
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private static Span tracker(String id) {
        Span value = new Span("–");
        value.setId(id);
        value.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        return value;
    }

    private static Component card(String label, Span value) {
        Div card = new Div(new Div(new Span(label)), value);
        card.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("min-width", "10rem");
        return card;
    }
}
