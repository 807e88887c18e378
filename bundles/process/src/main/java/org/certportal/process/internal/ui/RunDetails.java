package org.certportal.process.internal.ui;

import java.util.List;
import java.util.Map;

import org.certportal.process.api.ParameterDefinition;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.RowResult;
import org.certportal.process.api.RowState;
import org.certportal.process.api.RunState;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.Pages;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.server.StreamResource;

/**
 * One run: what it is, its progress and counts, its result files to download, its rows (lazy, by
 * outcome), and cancel or "retry failed rows".
 */
final class RunDetails extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final transient ProcessService processes;
    private final long runId;
    private final Span summary = new Span();
    private final Span state = new Span();
    private final ProgressBar bar = new ProgressBar();
    private final Span rowsText = new Span();
    private final HorizontalLayout downloads = new HorizontalLayout();
    private final Button cancel = new Button("Cancel run");
    private final Button retry = new Button("Retry failed rows");
    private final ComboBox<RowState> filter = new ComboBox<>("Outcome");
    private final Grid<RowResult> rows = new Grid<>();
    private RunState shownState;
    private final transient DateFormats dates;
    private final Map<String, List<ParameterDefinition>> typeParameters;

    /**
     * @param typeParameters each process type's parameters, by type id: the run's parameters are shown
     *        as its form names them
     */
    RunDetails(ProcessService processes, long runId, DateFormats dates,
            Map<String, List<ParameterDefinition>> typeParameters, java.util.function.LongConsumer onRetried) {
        this.processes = processes;
        this.runId = runId;
        this.dates = dates;
        this.typeParameters = typeParameters;
        setPadding(false);
        setWidth("60em");
        summary.setId("run-summary-" + runId);
        state.setId("run-details-state-" + runId);
        bar.setId("run-details-progress-" + runId);
        rowsText.setId("run-details-rows-" + runId);
        cancel.setId("run-cancel-" + runId);
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> confirmCancel(processes, runId, this::refresh));
        retry.setId("run-retry-" + runId);
        retry.addClickListener(e -> {
            long id = processes.retryFailed(runId);
            Notification.show("Run " + id + " retries the failed rows.", 3000, Notification.Position.BOTTOM_START);
            onRetried.accept(id);
        });
        filter.setId("run-rows-filter");
        filter.setItems(RowState.values());
        filter.setItemLabelGenerator(Labels::row);
        filter.setClearButtonVisible(true);
        filter.setPlaceholder("Any");
        filter.addValueChangeListener(e -> rows.getDataProvider().refreshAll());
        rows.setId("run-rows-grid");
        rows.setHeight("20em");
        rows.addColumn(RowResult::seq).setHeader("#").setAutoWidth(true);
        rows.addColumn(RowResult::key).setHeader("Row").setAutoWidth(true);
        rows.addColumn(r -> Labels.row(r.state())).setHeader("Outcome").setAutoWidth(true);
        rows.addColumn(RowResult::message).setHeader("Change or reason").setFlexGrow(3);
        rows.setItems(DataProvider.fromCallbacks(
                q -> processes.rows(runId, filter.getValue(), Pages.of(q)).items().stream(),
                q -> Pages.total(processes.rows(runId, filter.getValue(), Pages.count()).total())));
        add(summary, new HorizontalLayout(state, rowsText), bar, downloads, new HorizontalLayout(cancel, retry), filter,
                rows);
        refresh();
    }

    /** Reads the run again: called by the view's poll while the dialog is open. */
    void refresh() {
        ProcessRun r = processes.run(runId).orElseThrow();
        summary.setText(r.typeTitle() + (r.dryRun() ? " (preview)" : "") + ", scope " + r.scope() + ", parameters "
                + Labels.parameters(r.parameters(), typeParameters.getOrDefault(r.typeId(), List.of()), dates)
                + ", started by " + r.startedBy() + ", queued " + dates.time(r.queuedAt())
                + (r.finishedAt() == null ? "" : ", finished " + dates.time(r.finishedAt()))
                + (r.error() == null ? "" : ". " + r.error()));
        state.setText(Labels.state(r.state()));
        bar.setValue(r.progress());
        rowsText.setText(Labels.progress(r, dates));
        cancel.setVisible(r.state().isActive());
        retry.setVisible(r.state().isFinal() && r.failed() > 0 && !r.dryRun());
        // once per state: a link rebuilt on every poll would change its address under the user's click
        boolean changed = r.state() != shownState;
        shownState = r.state();
        if (changed) {
            downloads.removeAll();
            for (String file : processes.resultFiles(runId)) {
                String name = processes.downloadName(runId, file);
                Anchor link = new Anchor(new StreamResource(name, (out, session) -> processes.writeResultFile(runId,
                        file, out)), file);
                link.getElement().setAttribute("download", true);
                link.setId("run-download-" + runId + "-" + Labels.fileId(file));
                downloads.add(link);
            }
        }
        if (changed && r.state().isFinal()) {
            rows.getDataProvider().refreshAll();
        }
    }

    static void confirmCancel(ProcessService processes, long runId, Runnable after) {
        ConfirmDialog confirm = new ConfirmDialog("Cancel run " + runId + "?", "A queued run is cancelled at once; a"
                + " running one stops after the chunk it is in. Rows already processed keep their outcome.",
                "Cancel run", e -> {
                    processes.cancel(runId);
                    after.run();
                    Notification.show("Run " + runId + " is being cancelled.", 3000, Notification.Position.BOTTOM_START);
                });
        confirm.setId("run-cancel-confirm");
        confirm.setCancelable(true);
        confirm.setCancelText("Keep running");
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
