package org.certportal.process.internal.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.certportal.persistence.api.PageRequest;
import org.certportal.process.api.ParameterDefinition;
import org.certportal.process.api.ProcessPermissions;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessSchedule;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.ProcessTypeInfo;
import org.certportal.process.api.RunFilter;
import org.certportal.process.api.RunState;
import org.certportal.process.api.ScheduleRequest;
import org.certportal.process.api.ScheduleState;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.PageAction;
import org.certportal.ui.spi.PageActionBar;
import org.certportal.ui.spi.Pages;
import org.certportal.ui.spi.ViewRegistry;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.shared.Registration;

/**
 * The Process Center: the processes, their schedules (add, edit, cancel), the active runs with live
 * progress (polled every second while the view is open), and the history with filters; a run opens
 * its details with downloads. {@code /processes?run=N} (the link in the engine's mails) opens run N.
 */
public class ProcessCenterView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;
    private static final int POLL_MILLIS = 1000;
    private static final int ACTIVE_SHOWN = 50;
    private final transient ProcessService processes;
    private final boolean mayRun;
    private final VerticalLayout typeList = new VerticalLayout();
    private final Grid<ProcessSchedule> schedules = new Grid<>();
    private final Paragraph schedulesEmpty = new Paragraph();
    private final VerticalLayout active = new VerticalLayout();
    private final Map<Long, ActiveRow> activeRows = new HashMap<>();
    private final Map<String, String> typeTitles = new HashMap<>();
    private final Map<String, List<ParameterDefinition>> typeParameters = new HashMap<>();
    private final transient DateFormats dates;
    private final ComboBox<String> historyType = new ComboBox<>("Process");
    private final ComboBox<RunState> historyState = new ComboBox<>("State");
    private final Grid<ProcessRun> history = new Grid<>();
    private final Dialog formDialog = new Dialog();
    private final Dialog detailsDialog = new Dialog();
    private RunDetails details;
    private final transient Supplier<Optional<ViewRegistry>> views;
    private Registration polling;
    /** The newest run and its state at the last refresh: a change refreshes the history. */
    private String newestRun = "";
    private boolean activeShown;

    /** One active run's line: its state, bar and rows text. */
    private record ActiveRow(Span state, ProgressBar bar, Span rows) {
    }

    /**
     * @param dates how the organisation writes dates and times
     */
    public ProcessCenterView(ProcessService processes, SecurityService security,
            Supplier<Optional<ViewRegistry>> views, DateFormats dates) {
        this.processes = processes;
        this.views = views;
        this.dates = dates;
        // not full height: the page scrolls, so the history grid keeps its height below the other sections
        setWidthFull();
        mayRun = security.isPermitted(ProcessPermissions.RUN);
        H2 title = new H2("Process Center");
        title.setId("process-center-title");

        Button openSchedule = new Button("Add schedule", e -> openForm(null, null));
        openSchedule.setId("schedule-open");
        openSchedule.setVisible(mayRun);
        typeList.setId("process-types");
        typeList.setPadding(false);
        typeList.setSpacing(false);

        schedules.setId("schedule-grid");
        schedules.setAllRowsVisible(true);
        schedules.addColumn(ProcessSchedule::id).setHeader("#").setAutoWidth(true);
        schedules.addColumn(s -> typeTitles.getOrDefault(s.typeId(), s.typeId())).setHeader("Process")
                .setAutoWidth(true);
        schedules.addColumn(s -> Labels.recurrence(s.recurrence()) + (s.dryRun() ? " (preview)" : ""))
                .setHeader("Repeat").setAutoWidth(true);
        schedules.addColumn(s -> dates.time(s.nextFireAt())).setHeader("Next run").setAutoWidth(true);
        schedules.addColumn(s -> s.parameters().isEmpty() ? "" : Labels.parameters(s.parameters(),
                typeParameters.getOrDefault(s.typeId(), List.of()), dates)).setHeader("Parameters")
                .setFlexGrow(2);
        schedules.addColumn(s -> (s.available() ? "" : "Unavailable. ") + (s.note() == null ? "" : s.note()))
                .setHeader("Note").setFlexGrow(2);
        schedules.addColumn(ProcessSchedule::createdBy).setHeader("By").setAutoWidth(true);
        if (mayRun) {
            schedules.addComponentColumn(this::scheduleActions).setAutoWidth(true);
        }
        schedules.setItems(DataProvider.fromCallbacks(
                q -> processes.schedules(null, ScheduleState.ACTIVE, Pages.of(q)).items().stream(),
                q -> schedulesCounted(processes.schedules(null, ScheduleState.ACTIVE, Pages.count()).total())));
        schedulesEmpty.setId("schedule-empty");
        schedulesEmpty.setVisible(false);

        active.setId("active-runs");
        active.setPadding(false);

        historyType.setId("history-type-filter");
        historyType.setClearButtonVisible(true);
        historyType.setItemLabelGenerator(id -> typeTitles.getOrDefault(id, id));
        historyType.setPlaceholder("Any");
        historyType.addValueChangeListener(e -> history.getDataProvider().refreshAll());
        historyState.setId("history-state-filter");
        historyState.setItems(RunState.values());
        historyState.setItemLabelGenerator(Labels::state);
        historyState.setClearButtonVisible(true);
        historyState.setPlaceholder("Any");
        historyState.addValueChangeListener(e -> history.getDataProvider().refreshAll());
        history.setId("history-grid");
        history.setHeight("24em");
        history.setMinHeight("24em");
        history.addColumn(ProcessRun::id).setHeader("Run").setAutoWidth(true);
        history.addColumn(r -> r.typeTitle() + (r.dryRun() ? " (preview)" : "")).setHeader("Process").setAutoWidth(true);
        history.addColumn(ProcessRun::scope).setHeader("Scope").setAutoWidth(true);
        history.addColumn(r -> Labels.state(r.state())).setHeader("State").setAutoWidth(true);
        history.addColumn(r -> r.total() < 0 ? "" : String.format("%,d", r.total())).setHeader("Rows").setAutoWidth(true);
        history.addColumn(ProcessRun::done).setHeader("Done").setAutoWidth(true);
        history.addColumn(ProcessRun::skipped).setHeader("Skipped").setAutoWidth(true);
        history.addColumn(ProcessRun::failed).setHeader("Failed").setAutoWidth(true);
        history.addColumn(ProcessRun::startedBy).setHeader("By").setAutoWidth(true);
        history.addColumn(r -> dates.time(r.queuedAt())).setHeader("Queued").setAutoWidth(true);
        history.addColumn(r -> dates.time(r.finishedAt())).setHeader("Finished").setAutoWidth(true);
        history.setItems(DataProvider.fromCallbacks(
                q -> processes.runs(historyFilter(), Pages.of(q)).items().stream(),
                q -> Pages.total(processes.runs(historyFilter(), Pages.count()).total())));
        history.addItemClickListener(e -> openRun(e.getItem().id()));

        formDialog.setId("schedule-dialog");
        formDialog.setWidth("40em");
        detailsDialog.setId("run-details");
        detailsDialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                details = null;
            }
        });

        // other areas' buttons, e.g. mass certification's own form
        PageActionBar pageActions = new PageActionBar(views, PageAction.PROCESSES);
        pageActions.setId("process-center-actions");
        pageActions.show("");
        add(title, new HorizontalLayout(new H3("Processes"), openSchedule, pageActions), typeList, new H3("Schedules"), schedules, schedulesEmpty,
                new H3("Active runs"), active, new H3("History"), new HorizontalLayout(historyType, historyState),
                history);
        showTypes();
        refreshActive();
    }

    /** The schedules' count callback: for none, says how to get one. */
    private int schedulesCounted(long total) {
        schedulesEmpty.setVisible(total == 0);
        schedulesEmpty.setText(mayRun ? "No process runs on a schedule. Use Add schedule to run one regularly,"
                + " e.g. every night." : "No process runs on a schedule.");
        return Pages.total(total);
    }

    private RunFilter historyFilter() {
        RunState s = historyState.getValue();
        return new RunFilter(historyType.getValue(), s == null ? Set.of() : Set.of(s), null);
    }

    private void showTypes() {
        typeList.removeAll();
        List<ProcessTypeInfo> types = processes.types();
        typeTitles.clear();
        typeParameters.clear();
        for (ProcessTypeInfo t : types) {
            typeTitles.put(t.id(), t.title());
            typeParameters.put(t.id(), t.parameters());
            Div row = new Div();
            row.setId("process-type-" + t.id());
            Span name = new Span(t.title() + (t.available() ? "" : " (unavailable: its schedules and runs wait)"));
            name.getStyle().set("font-weight", "600");
            Span text = new Span(" " + t.description());
            row.add(name, text);
            if (mayRun && t.available()) {
                Button start = new Button("Run or schedule…", e -> openForm(t.id(), null));
                start.setId("process-start-" + t.id());
                start.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                row.add(start);
            }
            typeList.add(row);
        }
        historyType.setItems(types.stream().map(ProcessTypeInfo::id).toList());
        if (types.isEmpty()) {
            typeList.add(new Span("No process is installed."));
        }
    }

    private Component scheduleActions(ProcessSchedule s) {
        Button edit = new Button("Edit", e -> openForm(s.typeId(), s));
        edit.setId("schedule-edit-" + s.id());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        edit.setEnabled(s.available());
        Button cancel = new Button("Cancel", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Cancel schedule " + s.id() + "?", "It will not fire again. Runs it"
                    + " made are not touched.", "Cancel schedule", ok -> {
                        processes.cancelSchedule(s.id());
                        schedules.getDataProvider().refreshAll();
                        Notification.show("Schedule cancelled.", 3000, Notification.Position.BOTTOM_START);
                    });
            confirm.setId("schedule-cancel-confirm");
            confirm.setCancelable(true);
            confirm.setCancelText("Keep it");
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        cancel.setId("schedule-cancel-" + s.id());
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, cancel);
    }

    private void openForm(String typeId, ProcessSchedule editing) {
        formDialog.removeAll();
        formDialog.setHeaderTitle(editing == null ? "Run or schedule a process" : "Edit schedule " + editing.id());
        ProcessForm form = new ProcessForm(processes.types(), editing, request -> schedule(request, editing),
                editing == null ? this::runNow : null, formDialog::close, dates);
        if (typeId != null && editing == null) {
            form.choose(typeId);
        }
        formDialog.add(form);
        formDialog.open();
    }

    private void schedule(ScheduleRequest request, ProcessSchedule editing) {
        if (editing == null) {
            long id = processes.schedule(request);
            Notification.show("Schedule " + id + " added.", 3000, Notification.Position.BOTTOM_START);
        } else {
            processes.updateSchedule(editing.id(), editing.version(), request);
            Notification.show("Schedule " + editing.id() + " saved.", 3000, Notification.Position.BOTTOM_START);
        }
        formDialog.close();
        schedules.getDataProvider().refreshAll();
    }

    private void runNow(ScheduleRequest request) {
        long id = processes.start(request.typeId(), request.parameters(), request.options());
        formDialog.close();
        Notification.show((request.options().dryRun() ? "Preview " : "Run ") + id + " started.", 3000,
                Notification.Position.BOTTOM_START);
        refreshActive();
        history.getDataProvider().refreshAll();
    }

    private void openRun(long runId) {
        detailsDialog.removeAll();
        detailsDialog.setHeaderTitle("Run " + runId);
        details = new RunDetails(processes, runId, dates, typeParameters, retried -> {
            history.getDataProvider().refreshAll();
            refreshActive();
            openRun(retried);
        });
        Button close = new Button("Close", e -> detailsDialog.close());
        close.setId("run-details-close");
        PageActionBar runActions = new PageActionBar(views, PageAction.PROCESS_RUN);
        runActions.setId("run-actions");
        runActions.show(Long.toString(runId));
        detailsDialog.add(details, runActions, close);
        detailsDialog.open();
    }

    /** Rebuilds the list of active runs when the set changed, else updates their bars in place. */
    private void refreshActive() {
        List<ProcessRun> runs = processes.runs(RunFilter.active(), PageRequest.first(ACTIVE_SHOWN)).items();
        Set<Long> ids = new java.util.HashSet<>();
        runs.forEach(r -> ids.add(r.id()));
        boolean changed = !activeShown || !ids.equals(activeRows.keySet());
        activeShown = true;
        // a run that starts and ends between two polls never shows as active: notice it in the history
        String newest = processes.runs(RunFilter.all(), PageRequest.first(1)).items().stream()
                .map(r -> r.id() + ":" + r.state()).findFirst().orElse("");
        if (!newest.equals(newestRun)) {
            newestRun = newest;
            history.getDataProvider().refreshAll();
            schedules.getDataProvider().refreshAll();
        }
        if (changed) {
            active.removeAll();
            activeRows.clear();
            if (runs.isEmpty()) {
                Span none = new Span("No run is active.");
                none.setId("active-runs-none");
                active.add(none);
            }
            for (ProcessRun r : runs) {
                Span name = new Span("Run " + r.id() + ": " + r.typeTitle() + (r.dryRun() ? " (preview)" : "") + ", "
                        + r.scope() + ", by " + r.startedBy());
                Span state = new Span();
                state.setId("run-state-" + r.id());
                ProgressBar bar = new ProgressBar();
                bar.setId("run-progress-" + r.id());
                bar.setWidth("20em");
                Span rows = new Span();
                rows.setId("run-rows-" + r.id());
                Button open = new Button("Details", e -> openRun(r.id()));
                open.setId("run-open-" + r.id());
                open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                HorizontalLayout line = new HorizontalLayout(name, state, bar, rows, open);
                line.setDefaultVerticalComponentAlignment(Alignment.CENTER);
                if (mayRun) {
                    Button cancel = new Button("Cancel", e -> RunDetails.confirmCancel(processes, r.id(),
                            this::refreshActive));
                    cancel.setId("run-cancel-" + r.id());
                    cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                    line.add(cancel);
                }
                line.setId("active-run-" + r.id());
                active.add(line);
                activeRows.put(r.id(), new ActiveRow(state, bar, rows));
            }
            history.getDataProvider().refreshAll();
            schedules.getDataProvider().refreshAll();
        }
        for (ProcessRun r : runs) {
            ActiveRow row = activeRows.get(r.id());
            row.state().setText(Labels.state(r.state()));
            row.bar().setIndeterminate(r.total() < 0);
            row.bar().setValue(r.progress());
            row.rows().setText(Labels.progress(r, dates));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().setPollInterval(POLL_MILLIS);
        polling = event.getUI().addPollListener(e -> {
            if (isAttached()) {
                refreshActive();
                if (details != null) {
                    details.refresh();
                }
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        super.onDetach(event);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> run = event.getLocation().getQueryParameters().getParameters().get("run");
        if (run != null && !run.isEmpty()) {
            try {
                long id = Long.parseLong(run.get(0));
                if (processes.run(id).isPresent()) {
                    openRun(id);
                }
            } catch (NumberFormatException e) {
                // a mangled link: show the Process Center as it is
            }
        }
    }
}
