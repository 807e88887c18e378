package org.certportal.tracking.internal.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ConcurrentModificationException;
import java.util.List;

import org.certportal.security.api.AccessDeniedException;
import org.certportal.tracking.api.DroppedRow;
import org.certportal.tracking.api.MassDropService;
import org.certportal.tracking.api.RevertPlan;
import org.certportal.tracking.api.RevertReport;
import org.certportal.ui.spi.Pages;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

/**
 * Reverts one mass drop run: what the revert will do (rows it moves back, rows changed since by someone else
 * that it leaves alone, paged from the database), a confirmation, then the report. Reached from the run's
 * details in the Process Center ({@code ?run=N}), or by typing the run's number.
 */
public class MassDropRevertView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;
    static final String RUN = "run";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final transient MassDropService drops;
    private final IntegerField runField = new IntegerField("Mass drop run");
    private final VerticalLayout body = new VerticalLayout();
    final Paragraph error = new Paragraph();
    final Paragraph plan = new Paragraph();
    final Paragraph report = new Paragraph();
    final Button revert = new Button("Revert…");
    final Grid<DroppedRow> rows = new Grid<>();
    final Grid<RevertReport.LeftAlone> leftAlone = new Grid<>();
    private Long runId;
    /** The last confirmation asked, and its buttons. */
    Dialog confirmation;
    Button confirmYes;
    Button confirmNo;

    public MassDropRevertView(MassDropService drops) {
        this.drops = drops;
        setId("mass-drop-revert");
        runField.setId("revert-run");
        runField.setMin(1);
        Button open = new Button("Show", e -> {
            if (runField.getValue() != null) {
                show(runField.getValue());
            }
        });
        open.setId("revert-show");
        HorizontalLayout pick = new HorizontalLayout(runField, open);
        pick.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        error.setId("revert-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        plan.setId("revert-plan");
        report.setId("revert-report");
        revert.setId("revert");
        revert.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revert.addClickListener(e -> confirm());
        rows.setId("revert-rows");
        rows.addColumn(DroppedRow::enrollmentId).setHeader("Enrollment").setAutoWidth(true);
        rows.addColumn(r -> r.contactName() == null ? "" : r.contactName()).setHeader("Person");
        rows.addColumn(r -> r.identifier() == null ? "" : r.identifier()).setHeader("Identifier");
        rows.addColumn(r -> r.from().title() + " → " + r.to().title() + " on " + r.terminatedOn()).setHeader("Run");
        rows.addColumn(DroppedRow::revertSays).setHeader("Revert");
        leftAlone.setId("revert-left-alone");
        leftAlone.setAllRowsVisible(true);
        leftAlone.addColumn(RevertReport.LeftAlone::enrollmentId).setHeader("Enrollment").setAutoWidth(true);
        leftAlone.addColumn(l -> l.contactName() == null ? "" : l.contactName()).setHeader("Person");
        leftAlone.addColumn(l -> l.now() == null ? "gone" : l.now().title()).setHeader("Now");
        leftAlone.addColumn(RevertReport.LeftAlone::why).setHeader("Left alone because");
        add(new H2("Revert a mass drop"), pick, error, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> run = event.getLocation().getQueryParameters().getParameters().getOrDefault(RUN, List.of());
        if (!run.isEmpty()) {
            try {
                show(Long.parseLong(run.get(0).strip()));
            } catch (NumberFormatException e) {
                error.setText("'" + run.get(0) + "' is not a run number.");
            }
        }
    }

    /** Shows what reverting this run will do, or what its revert did. */
    void show(long id) {
        runId = id;
        runField.setValue((int) Math.min(Integer.MAX_VALUE, id));
        body.removeAll();
        error.setText("");
        report.setText("");
        RevertPlan p;
        try {
            p = drops.plan(id);
        } catch (IllegalArgumentException | AccessDeniedException e) {
            error.setText(e.getMessage());
            return;
        }
        body.add(new H4("Mass drop run " + id), new Paragraph(p.parameters()));
        if (p.reverted()) {
            plan.setText("Reverted on " + WHEN.format(p.revertedAt()) + " by " + p.revertedBy() + ": " + p.movedBack()
                    + " moved back. A run is reverted once.");
            body.add(plan);
        } else {
            plan.setText("Reverting moves " + p.toMoveBack() + " back to the status they had before the run"
                    + (p.toLeaveAlone() == 0 ? "." : "; " + p.toLeaveAlone() + " changed since by someone else "
                            + (p.toLeaveAlone() == 1 ? "is" : "are") + " left alone."));
            revert.setEnabled(p.toMoveBack() + p.toLeaveAlone() > 0);
            body.add(plan, revert);
        }
        rows.setItems(query -> drops.rows(id, Pages.of(query)).items().stream(),
                query -> Pages.total(drops.rows(id, Pages.count()).total()));
        body.add(report, rows);
    }

    /** Asks before reverting; nothing changes until Revert is pressed in the dialog. */
    void confirm() {
        confirmation = new Dialog();
        confirmation.setId("revert-confirm");
        confirmation.setHeaderTitle("Revert mass drop run " + runId + "?");
        confirmation.add(new Paragraph(plan.getText() + " The status history keeps both changes."));
        Dialog dialog = confirmation;
        confirmYes = new Button("Revert", e -> {
            dialog.close();
            revert();
        });
        confirmYes.setId("revert-confirm-yes");
        confirmYes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirmNo = new Button("Cancel", e -> dialog.close());
        confirmNo.setId("revert-confirm-no");
        confirmation.getFooter().add(confirmNo, confirmYes);
        add(confirmation);
        confirmation.open();
    }

    /** Reverts and shows the report, then the rows as they stand. */
    void revert() {
        RevertReport r;
        try {
            r = drops.revert(runId);
        } catch (IllegalArgumentException | AccessDeniedException | ConcurrentModificationException e) {
            error.setText(e.getMessage());
            return;
        }
        show(runId);
        report.setText(r.summary() + (r.leftAloneTotal() > r.leftAlone().size() ? " The first " + r.leftAlone().size()
                + " left alone are listed; the list below has them all." : ""));
        if (!r.leftAlone().isEmpty()) {
            leftAlone.setItems(r.leftAlone());
            body.addComponentAtIndex(body.indexOf(report) + 1, leftAlone);
        }
    }
}
