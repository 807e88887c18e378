package org.certportal.enrollments.internal.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.enrollments.api.PurgeCandidate;
import org.certportal.persistence.api.Page;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramService;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.Pages;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** Certification Managers purge inactive, expired and cancelled enrollments (never the contacts). */
public class PurgeView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final transient EnrollmentService enrollments;
    private final transient ProgramService programs;
    private final transient DateFormats dates;
    private final Map<Long, String> programNames = new HashMap<>();

    /** @param dates how the organisation writes dates: the grid's dates */
    public PurgeView(EnrollmentService enrollments, ProgramService programs, DateFormats dates) {
        this.enrollments = enrollments;
        this.programs = programs;
        this.dates = dates;
        setSizeFull();
        H2 title = new H2("Purge inactive enrollments");
        title.setId("purge-title");
        TextField search = new TextField();
        search.setId("purge-search");
        search.setPlaceholder("Name or identifier");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        Span result = new Span();
        result.setId("purge-result");
        Span count = new Span();
        count.setId("purge-count");

        Grid<PurgeCandidate> grid = new Grid<>();
        grid.setId("purge-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(PurgeCandidate::contactName).setHeader("Name").setSortProperty(EnrollmentService.SORT_NAME);
        grid.addColumn(PurgeCandidate::externalId).setHeader("Identifier");
        grid.addColumn(c -> programName(c.programId())).setHeader("Program");
        grid.addColumn(c -> c.status().title()).setHeader("Status").setSortProperty(EnrollmentService.SORT_STATUS);
        grid.addColumn(c -> dates.date(c.enrolledOn())).setHeader("Enrolled")
                .setSortProperty(EnrollmentService.SORT_ENROLLED_ON);
        grid.addColumn(c -> dates.date(c.expiresOn())).setHeader("Expires")
                .setSortProperty(EnrollmentService.SORT_EXPIRES_ON);
        grid.setItems(q -> enrollments.purgeCandidates(null, search.getValue(), Pages.of(q)).items().stream(),
                q -> {
                    // "more than 10,000" past the count's cap, where the grid stops
                    Page<PurgeCandidate> counted = enrollments.purgeCandidates(null, search.getValue(), Pages.count());
                    count.setText(counted.totalText("enrollment", "enrollments"));
                    return Pages.total(counted.total());
                });
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        Button purge = new Button("Purge");
        purge.setId("purge-submit");
        purge.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        purge.setEnabled(false);
        grid.asMultiSelect().addValueChangeListener(e -> {
            purge.setEnabled(!e.getValue().isEmpty());
            purge.setText(e.getValue().isEmpty() ? "Purge" : "Purge " + e.getValue().size());
        });
        purge.addClickListener(e -> {
            List<Long> ids = grid.asMultiSelect().getValue().stream().map(PurgeCandidate::enrollmentId).toList();
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setId("purge-confirm");
            confirm.setHeader("Purge " + ids.size() + " enrollment" + (ids.size() == 1 ? "" : "s") + "?");
            confirm.setText("The enrollments and their recorded registrations and completions are deleted for good."
                    + " The contacts stay. This is audited and cannot be undone.");
            confirm.setCancelable(true);
            confirm.setConfirmText("Purge");
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(c -> {
                int purged = enrollments.purge(ids);
                grid.asMultiSelect().clear();
                grid.getDataProvider().refreshAll();
                result.setText("Purged " + purged + " enrollment" + (purged == 1 ? "" : "s") + ".");
            });
            confirm.open();
        });
        HorizontalLayout tools = new HorizontalLayout(search, count, purge, result);
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(title, tools, grid);
        expand(grid);
    }

    private String programName(long programId) {
        return programNames.computeIfAbsent(programId,
                id -> programs.find(id).map(Program::name).orElse("Program " + id));
    }
}
