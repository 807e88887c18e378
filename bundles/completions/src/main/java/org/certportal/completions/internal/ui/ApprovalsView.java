package org.certportal.completions.internal.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certportal.completions.api.ApprovalFilter;
import org.certportal.completions.api.CompletionService;
import org.certportal.completions.api.PendingApproval;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.Pages;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** The approvals queue: completions awaiting approval, filtered and paged in the database; approve or reject many. */
public class ApprovalsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final transient CompletionService completions;
    private final transient ProgramService programs;
    private final ComboBox<ProgramSummary> program = new ComboBox<>("Program");
    private final TextField requirement = new TextField("Requirement");
    private final Grid<PendingApproval> grid = new Grid<>();
    private final Map<Long, String> programCodes = new HashMap<>();

    /** @param dates how the organisation writes dates: the completion dates in the grid */
    public ApprovalsView(CompletionService completions, ProgramService programs, DateFormats dates) {
        this.completions = completions;
        this.programs = programs;
        setSizeFull();
        H2 title = new H2("Approvals");
        title.setId("approvals-title");
        program.setId("approvals-program");
        program.setClearButtonVisible(true);
        program.setItemLabelGenerator(p -> p.name() + " (" + p.code() + ")");
        program.setItems(q -> programs.search(q.getFilter().orElse(""), null, Pages.of(q)).items().stream(),
                q -> Pages.total(programs.search(q.getFilter().orElse(""), null, Pages.count()).total()));
        program.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        requirement.setId("approvals-filter");
        requirement.setPlaceholder("Requirement title starts with…");
        requirement.setClearButtonVisible(true);
        requirement.setValueChangeMode(ValueChangeMode.LAZY);
        requirement.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.setId("approvals-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addComponentColumn(a -> {
            Anchor link = new Anchor(CompletionView.ROUTE + "/" + a.enrollmentId(), a.contactName());
            link.setId("approvals-enrollee-" + a.completionId());
            return link;
        }).setHeader("Enrollee").setKey(CompletionService.SORT_NAME).setSortable(true);
        grid.addColumn(PendingApproval::externalId).setHeader("Identifier");
        grid.addColumn(a -> programCode(a.programId())).setHeader("Program");
        grid.addColumn(PendingApproval::requirementTitle).setHeader("Requirement");
        grid.addColumn(a -> dates.date(a.completedOn())).setHeader("Completed")
                .setKey(CompletionService.SORT_COMPLETED_ON)
                .setSortable(true);
        grid.addColumn(PendingApproval::grade).setHeader("Grade");
        grid.addColumn(PendingApproval::recordedBy).setHeader("Recorded by").setKey(CompletionService.SORT_RECORDED)
                .setSortable(true);
        grid.setItems(q -> completions.pending(filter(), Pages.of(q)).items().stream(),
                q -> Pages.total(completions.pending(filter(), Pages.count()).total()));

        Button approve = new Button("Approve selected", e -> approveSelected());
        approve.setId("approvals-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reject = new Button("Reject selected", e -> rejectSelected());
        reject.setId("approvals-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(title, new HorizontalLayout(program, requirement), grid, new HorizontalLayout(approve, reject));
        setFlexGrow(1, grid);
    }

    private ApprovalFilter filter() {
        return new ApprovalFilter(program.getValue() == null ? null : program.getValue().id(),
                requirement.getValue());
    }

    private String programCode(long programId) {
        return programCodes.computeIfAbsent(programId, id -> programs.find(id).map(Program::code)
                .orElse(String.valueOf(id)));
    }

    private List<Long> selected() {
        Set<PendingApproval> chosen = grid.getSelectedItems();
        if (chosen.isEmpty()) {
            Notification.show("Select the completions first.", 3000, Notification.Position.BOTTOM_START);
        }
        return chosen.stream().map(PendingApproval::completionId).toList();
    }

    private void approveSelected() {
        List<Long> ids = selected();
        if (ids.isEmpty()) {
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("approvals-approve-dialog");
        confirm.setHeader("Approve");
        confirm.setText("Approve " + ids.size() + " completion(s)? Approved completions are final.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Approve");
        confirm.addConfirmListener(e -> done(completions.approveAll(ids) + " approved."));
        confirm.open();
    }

    private void rejectSelected() {
        List<Long> ids = selected();
        if (ids.isEmpty()) {
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reject " + ids.size() + " completion(s)");
        TextArea reason = new TextArea("Reason (the enrollee's progress shows it)");
        reason.setId("approvals-reason");
        reason.setMaxLength(500);
        reason.setWidthFull();
        Button confirm = new Button("Reject", e -> {
            int rejected = completions.rejectAll(ids, reason.getValue());
            dialog.close();
            done(rejected + " rejected.");
        });
        confirm.setId("approvals-reject-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(reason);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private void done(String message) {
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        Notification.show(message, 3000, Notification.Position.BOTTOM_START);
    }
}
