package org.certportal.programs.internal.ui;

import org.certportal.programs.api.ProgramPermissions;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.Pages;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** The program list, paged, sorted and filtered in the database; a row opens the program. */
public class ProgramsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final transient ProgramService programs;
    private final Grid<ProgramSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<ProgramStatus> status = new ComboBox<>();
    private final Span count = new Span();
    private final Paragraph empty = new Paragraph();

    public ProgramsView(ProgramService programs, SecurityService security) {
        this.programs = programs;
        setSizeFull();
        boolean mayEdit = security.isPermitted(ProgramPermissions.EDIT);
        search.setId("program-search");
        search.setPlaceholder("Name or code");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        status.setId("program-status-filter");
        status.setPlaceholder("Any status");
        status.setItems(ProgramStatus.values());
        status.setItemLabelGenerator(Labels::of);
        status.setClearButtonVisible(true);
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button add = new Button("New program", e -> getUI().ifPresent(ui -> ui.navigate(ProgramEditorView.NEW_LOCATION)));
        add.setId("program-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(mayEdit);

        grid.setId("program-grid");
        grid.addColumn(ProgramSummary::code).setHeader("Code").setSortProperty(ProgramService.SORT_CODE);
        grid.addColumn(ProgramSummary::name).setHeader("Name").setSortProperty(ProgramService.SORT_NAME).setFlexGrow(3);
        grid.addColumn(s -> Labels.of(s.status())).setHeader("Status").setSortProperty(ProgramService.SORT_STATUS);
        grid.addColumn(ProgramSummary::requirementCount).setHeader("Requirements");
        grid.addColumn(ProgramSummary::ruleVersion).setHeader("Rule version");
        grid.setItems(query -> programs.search(search.getValue(), status.getValue(), Pages.of(query)).items().stream(),
                query -> counted(programs.search(search.getValue(), status.getValue(), Pages.count()).total(), mayEdit));
        count.setId("program-count");
        empty.setId("program-empty");
        empty.setVisible(false);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ProgramEditorView.location(e.getItem().id()))));

        H2 title = new H2("Programs");
        title.setId("programs-title");
        HorizontalLayout bar = new HorizontalLayout(search, status, add, count);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        add(title, bar, grid, empty);
        expand(grid);
    }

    /** The count callback: how many programs match and, for none, what to do next. */
    private int counted(long total, boolean mayEdit) {
        count.setText(total == 1 ? "1 program" : total + " programs");
        empty.setVisible(total == 0);
        if (total == 0) {
            boolean filtered = !search.getValue().isBlank() || status.getValue() != null;
            empty.setText(filtered ? "No program matches. Clear the search or the status to see every program."
                    : mayEdit ? "No programs yet. Create the first with New program." : "No programs yet.");
        }
        return Pages.total(total);
    }
}
