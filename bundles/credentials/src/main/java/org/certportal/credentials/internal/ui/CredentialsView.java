package org.certportal.credentials.internal.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certportal.credentials.api.AwardCriteria;
import org.certportal.credentials.api.AwardSummary;
import org.certportal.credentials.api.CredentialService;
import org.certportal.credentials.api.CredentialType;
import org.certportal.credentials.api.UsageKind;
import org.certportal.credentials.internal.AwardProcess;
import org.certportal.credentials.internal.ui.AwardSteps.Stage;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.RunAlreadyActiveException;
import org.certportal.ui.spi.BoundedUploadBuffer;
import org.certportal.ui.spi.DateFormats;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.shared.Registration;

/**
 * Award and order credentials in three steps: (1) Search, (2) Confirm, (3) Process and summary. The search
 * is the award process's preview (its pre-processing file), the award its run, both on the process engine;
 * progress is polled once a second while the page is open, and the address carries the run
 * ({@code credentials?run=N}) so a user who leaves finds it again. The moves are {@link AwardSteps}'s, the
 * criteria {@link AwardSearch}'s; page views and downloads are recorded as usage events.
 */
public class CredentialsView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;
    static final int POLL_MILLIS = 1000;
    /** An uploaded list of identifiers is read into the text area; 1 MB is far more than a search takes. */
    static final int MAX_UPLOAD = 1_000_000;

    private final transient CredentialService credentials;
    private final transient ProcessService processes;
    private final transient DateFormats dates;
    private final Map<String, String> typeNames = new LinkedHashMap<>();
    private AwardSteps steps = new AwardSteps();
    private Registration polling;

    private final Span[] stepLabels = {new Span("1. Search"), new Span("2. Confirm"),
        new Span("3. Process and summary")};
    private final Div body = new Div();

    final ComboBox<String> type = new ComboBox<>("Credential type");
    final TextField session = new TextField("Exam session or period");
    final TextField school = new TextField("School or authority (code)");
    final DatePicker from = new DatePicker("Achieved from");
    final DatePicker to = new DatePicker("Achieved to");
    final TextArea students = new TextArea("Student identifiers");
    private final Paragraph formError = new Paragraph();
    /** The search's fields by {@link AwardSearch}'s names, to mark the one a sentence is about. */
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final ProgressBar bar = new ProgressBar();
    private final Span progressText = new Span();

    /**
     * @param showUsage whether the user may read the usage events (SysAdmin)
     * @param dates how the organisation writes dates: the achieved-date pickers and the usage times
     */
    public CredentialsView(CredentialService credentials, ProcessService processes, boolean showUsage,
            DateFormats dates) {
        this.credentials = credentials;
        this.processes = processes;
        this.dates = dates;
        setId("credentials-view");
        for (CredentialType t : credentials.types()) {
            typeNames.put(t.code(), t.name());
        }
        HorizontalLayout header = new HorizontalLayout(stepLabels);
        header.setId("credentials-steps");
        for (int i = 0; i < stepLabels.length; i++) {
            stepLabels[i].setId("credentials-step-" + (i + 1));
        }
        type.setId("credentials-type");
        type.setItems(typeNames.keySet());
        type.setItemLabelGenerator(code -> typeNames.get(code) + " (" + code + ")");
        type.setClearButtonVisible(true);
        type.setPlaceholder("any");
        session.setId("credentials-session");
        session.setPlaceholder("any, e.g. 2026-06");
        school.setId("credentials-school");
        school.setPlaceholder("any");
        dates.localize(from);
        dates.localize(to);
        from.setId("credentials-from");
        to.setId("credentials-to");
        students.setId("credentials-students");
        students.setPlaceholder("any student; or identifiers separated by commas, spaces or lines");
        fields.put(AwardSearch.TYPE, type);
        fields.put(AwardSearch.SESSION, session);
        fields.put(AwardSearch.SCHOOL, school);
        fields.put(AwardSearch.FROM, from);
        fields.put(AwardSearch.TO, to);
        fields.put(AwardSearch.STUDENTS, students);
        formError.setId("credentials-form-error");
        bar.setId("credentials-progress");
        progressText.setId("credentials-progress-text");
        body.setWidthFull();
        add(new H2("Award and order credentials"), header, body);
        if (showUsage) {
            add(new UsageGrid(credentials, dates));
        }
        render();
    }

    private void render() {
        Stage stage = steps.stage();
        for (int i = 0; i < stepLabels.length; i++) {
            stepLabels[i].getStyle().set("font-weight", i + 1 == stage.step() ? "bold" : "normal");
            stepLabels[i].getElement().setAttribute("aria-current", i + 1 == stage.step() ? "step" : "false");
        }
        body.removeAll();
        switch (stage) {
        case EDIT -> body.add(searchForm());
        case SEARCHING -> body.add(progress("Search in progress, please wait.", steps.previewRunId()));
        case SEARCHED -> body.add(searchResult());
        case CONFIRM -> body.add(confirmation());
        case PROCESSING -> body.add(progress("Awarding and ordering of credentials in progress, please wait.",
                steps.awardRunId()));
        case SUMMARY -> body.add(summary());
        }
    }

    private VerticalLayout searchForm() {
        FormLayout form = new FormLayout(type, session, school, from, to);
        BoundedUploadBuffer buffer = new BoundedUploadBuffer(MAX_UPLOAD);
        Upload upload = buffer.newUpload();
        upload.setId("credentials-students-upload");
        upload.setAcceptedFileTypes(".csv", ".txt", "text/csv", "text/plain");
        upload.setDropLabel(new Span("or drop a file of student identifiers (CSV or text) here"));
        upload.addSucceededListener(e -> {
            try (InputStream in = buffer.inputStream()) {
                students.setValue(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        upload.addFileRejectedListener(e -> formError.setText(e.getErrorMessage()));
        upload.addFailedListener(e -> formError.setText(BoundedUploadBuffer.failureMessage(e)));
        students.setWidthFull();
        students.setMaxHeight("12em");
        Button search = new Button("Search", e -> search());
        search.setId("credentials-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout v = new VerticalLayout(new Paragraph("Find the achieved credentials not yet awarded. Every"
                + " field is optional; empty means any."), form, students, upload, formError, search);
        v.setPadding(false);
        if (steps.problem() != null) {
            formError.setText(steps.problem());
        }
        return v;
    }

    private void search() {
        clearErrors();
        if (from.isInvalid() || to.isInvalid()) {
            formError.setText("Enter the achieved dates as dates, e.g. " + dates.date(LocalDate.of(2026, 6, 30))
                    + ", or leave them empty.");
            return;
        }
        AwardSearch.Checked checked = new AwardSearch(type.getValue(), session.getValue(), school.getValue(),
                from.getValue(), to.getValue(), students.getValue()).check(List.copyOf(typeNames.keySet()));
        if (checked.criteria().isEmpty()) {
            checked.errors().forEach((field, sentence) -> {
                fields.get(field).setErrorMessage(sentence);
                fields.get(field).setInvalid(true);
            });
            formError.setText("Correct the marked fields.");
            return;
        }
        AwardCriteria c = checked.criteria().get();
        try {
            long count = credentials.countAwardable(c);
            long run = credentials.startAward(c, true);
            steps.searchStarted(c, count, run);
        } catch (RunAlreadyActiveException e) {
            formError.setText("Another award run (" + e.activeRunId() + ") is active: wait until it has finished,"
                    + " or open it at credentials?run=" + e.activeRunId() + ".");
            return;
        }
        moved();
    }

    private VerticalLayout progress(String message, Long runId) {
        Paragraph p = new Paragraph(message);
        p.setId("credentials-wait");
        bar.setIndeterminate(false);
        bar.setValue(0);
        progressText.setText("");
        VerticalLayout v = new VerticalLayout(p, bar, progressText);
        v.setPadding(false);
        processes.run(runId).ifPresent(this::showProgress);
        return v;
    }

    private void showProgress(ProcessRun r) {
        bar.setIndeterminate(r.total() < 0);
        bar.setValue(r.progress());
        progressText.setText(r.total() < 0 ? "Selecting the students ..." : String.format("%,d of %,d students (%d%%)",
                r.processed(), r.total(), Math.round(r.progress() * 100)));
    }

    private VerticalLayout searchResult() {
        Paragraph found = new Paragraph(String.format("%,d achieved credentials not yet awarded match.",
                steps.found()));
        found.setId("credentials-found");
        Button change = new Button("Change the search", e -> {
            steps.back();
            moved();
        });
        change.setId("credentials-change");
        Button next = new Button("Next: confirm", e -> {
            steps.next();
            moved();
        });
        next.setId("credentials-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.setEnabled(steps.canConfirm());
        VerticalLayout v = new VerticalLayout(criteria(), found, download(steps.previewRunId(), AwardProcess.PRE,
                UsageKind.EXPORT_PRE_PROCESSING, "Download the pre-processing file"), new HorizontalLayout(change, next));
        v.setPadding(false);
        return v;
    }

    private VerticalLayout confirmation() {
        Paragraph found = new Paragraph(String.format("%,d achieved credentials not yet awarded match. Awarding"
                + " numbers them and orders their documents; it cannot be undone (revoke one by one).",
                steps.found()));
        found.setId("credentials-confirm-found");
        Optional<ProcessRun> preview = processes.run(steps.previewRunId());
        Paragraph previewCounts = new Paragraph(preview.map(r -> String.format("The preview: %,d students would be"
                + " awarded a credential, %,d would not (see the file).", r.done(), r.skipped() + r.failed()))
                .orElse(""));
        previewCounts.setId("credentials-preview-counts");
        Button back = new Button("Back", e -> {
            steps.back();
            moved();
        });
        back.setId("credentials-back");
        Button confirm = new Button("Confirm: award and order", e -> confirm());
        confirm.setId("credentials-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout v = new VerticalLayout(new H3("Search summary"), criteria(), found, previewCounts, formError,
                download(steps.previewRunId(), AwardProcess.PRE, UsageKind.EXPORT_PRE_PROCESSING,
                        "Download the pre-processing file again"), new HorizontalLayout(back, confirm));
        v.setPadding(false);
        return v;
    }

    private void confirm() {
        formError.setText("");
        try {
            long run = credentials.startAward(steps.criteria(), false);
            steps.confirmed(run);
        } catch (RunAlreadyActiveException e) {
            formError.setText("Another award run (" + e.activeRunId() + ") is active: wait until it has finished.");
            return;
        }
        moved();
    }

    private VerticalLayout summary() {
        VerticalLayout v = new VerticalLayout();
        v.setPadding(false);
        if (steps.problem() != null) {
            Paragraph problem = new Paragraph(steps.problem());
            problem.setId("credentials-run-problem");
            v.add(problem);
        }
        AwardSummary s = credentials.awardSummary(steps.awardRunId());
        UnorderedList counts = new UnorderedList(
                count("credentials-awarded-ordered", "Awarded and ordered", s.awardedAndOrdered()),
                count("credentials-awarded-not-ordered", "Awarded, not ordered (no valid address; see the reason)",
                        s.awardedNotOrdered()),
                count("credentials-not-awarded", "Not awarded (superseded, refused or waiting; see the reason)",
                        s.notAwarded()),
                count("credentials-failed", "Students failed with an error (see the run in the Process Center)",
                        s.failedStudents()));
        Button another = new Button("Start another search", e -> {
            steps.startAnother();
            clearForm();
            moved();
        });
        another.setId("credentials-another");
        another.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        v.add(new H3("Summary of run " + steps.awardRunId()), criteria(), counts,
                download(steps.awardRunId(), AwardProcess.SUCCESSFUL, UsageKind.EXPORT_SUCCESSFUL,
                        "Download the successful file"),
                download(steps.awardRunId(), AwardProcess.UNSUCCESSFUL, UsageKind.EXPORT_UNSUCCESSFUL,
                        "Download the unsuccessful file"), another);
        return v;
    }

    private static ListItem count(String id, String label, long n) {
        ListItem item = new ListItem(String.format("%s: %,d", label, n));
        item.setId(id);
        return item;
    }

    private UnorderedList criteria() {
        UnorderedList list = new UnorderedList();
        list.setId("credentials-criteria");
        AwardSearch.describe(steps.criteria(), typeNames).forEach(line -> list.add(new ListItem(line)));
        return list;
    }

    private Anchor download(long runId, String file, UsageKind kind, String label) {
        Anchor link = new Anchor(new StreamResource(processes.downloadName(runId, file), (out, session) -> {
            credentials.recordUsage(kind, runId);
            processes.writeResultFile(runId, file, out);
        }), label);
        link.getElement().setAttribute("download", true);
        link.setId("credentials-download-" + file.replace(".csv", ""));
        return link;
    }

    private void clearForm() {
        type.clear();
        session.clear();
        school.clear();
        from.clear();
        to.clear();
        students.clear();
        clearErrors();
    }

    private void clearErrors() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        formError.setText("");
    }

    /** The stage changed: the address follows the run, and the page shows the new stage. */
    private void moved() {
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, location(steps)));
        render();
    }

    static Location location(AwardSteps steps) {
        Long run = steps.currentRunId();
        return run == null ? new Location(AwardSteps.ROUTE) : new Location(AwardSteps.ROUTE,
                QueryParameters.simple(Map.of("run", String.valueOf(run))));
    }

    /** A poll: follows the run while searching or processing. */
    void poll() {
        Stage before = steps.stage();
        if (before != Stage.SEARCHING && before != Stage.PROCESSING) {
            return;
        }
        Optional<ProcessRun> run = processes.run(steps.currentRunId());
        if (run.isEmpty()) {
            return;
        }
        showProgress(run.get());
        steps.update(run.get());
        if (steps.stage() != before) {
            moved();
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().setPollInterval(POLL_MILLIS);
        polling = event.getUI().addPollListener(e -> {
            if (isAttached()) {
                poll();
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
        Long runId = null;
        List<String> run = event.getLocation().getQueryParameters().getParameters().get("run");
        if (run != null && !run.isEmpty()) {
            try {
                runId = Long.valueOf(run.get(0));
            } catch (NumberFormatException e) {
                // a mangled address: start with a new search
            }
        }
        Optional<ProcessRun> found = runId == null ? Optional.empty() : processes.run(runId)
                .filter(r -> CredentialService.AWARD_PROCESS.equals(r.typeId()));
        credentials.recordUsage(UsageKind.PAGE_VIEW, found.map(ProcessRun::id).orElse(null));
        if (found.isPresent()) {
            AwardCriteria c = credentials.awardCriteria(found.get().id());
            steps = AwardSteps.resume(found.get(), c, credentials.countAwardable(c));
            fill(c);
            render();
        }
    }

    private void fill(AwardCriteria c) {
        type.setValue(c.typeCode());
        session.setValue(c.session() == null ? "" : c.session());
        school.setValue(c.issuingBodyCode() == null ? "" : c.issuingBodyCode());
        from.setValue(c.achievedFrom());
        to.setValue(c.achievedTo());
        students.setValue(String.join("\n", c.studentIds()));
    }
}
