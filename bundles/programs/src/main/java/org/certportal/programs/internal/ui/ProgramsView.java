package org.certportal.programs.internal.ui;

import org.certportal.persistence.api.PageRequest;
import org.certportal.programs.api.ProgramPermissions;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.Services;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;

/** The program list, paged, sorted and filtered in the database; a row opens the program. */
public class ProgramsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final transient ProgramService programs = Services.of(ProgramsView.class, ProgramService.class);
    private final Grid<ProgramSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<ProgramStatus> status = new ComboBox<>();

    public ProgramsView() {
        setSizeFull();
        boolean mayEdit = Services.of(ProgramsView.class, SecurityService.class).isPermitted(ProgramPermissions.EDIT);
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
        grid.setItems(query -> {
            QuerySortOrder order = query.getSortOrders().isEmpty() ? null : query.getSortOrders().get(0);
            PageRequest page = new PageRequest(query.getOffset(), query.getLimit(),
                    order == null ? null : order.getSorted(), order == null || order.getDirection() == SortDirection.ASCENDING);
            return programs.search(search.getValue(), status.getValue(), page).items().stream();
        }, query -> (int) Math.min(Integer.MAX_VALUE,
                programs.search(search.getValue(), status.getValue(), PageRequest.first(1)).total()));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ProgramEditorView.location(e.getItem().id()))));

        H2 title = new H2("Programs");
        title.setId("programs-title");
        add(title, new HorizontalLayout(search, status, add), grid);
        expand(grid);
    }
}
