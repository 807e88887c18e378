package org.certportal.masscert.internal.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

import org.certportal.accounting.api.AccountingPermissions;
import org.certportal.accounting.api.AccountingService;
import org.certportal.accounting.api.Batch;
import org.certportal.accounting.api.BatchStatus;
import org.certportal.masscert.api.ConfirmationEmail;
import org.certportal.masscert.api.ConfirmationEmail.Wording;
import org.certportal.masscert.api.EmailPreview;
import org.certportal.masscert.api.MassCertService;
import org.certportal.masscert.api.MassCertification;
import org.certportal.masscert.internal.MassCertProcess;
import org.certportal.persistence.api.PageRequest;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.RowResult;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.ScheduleRequest;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.Pages;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.shared.Registration;

/**
 * Add Schedule for a mass certification: the form, the confirmation email (edited and previewed with a
 * real applicant), the accounting batch picked or created in place, the customer list (the engine's dry
 * run, shown here row by row with its counts), and run now or schedule. {@code ?program=ID} chooses the
 * certification (the "Mass certify" action on a certification's page).
 */
public class MassCertView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;
    private static final int POLL_MILLIS = 1000;
    private final transient MassCertService masscert;
    private final transient ProcessService processes;
    private final transient ProgramService programs;
    private final transient AccountingService accounting;
    private final transient SecurityService security;
    final MassCertForm form = new MassCertForm();
    final Select<Wording> wording = new Select<>();
    final TextField subject = new TextField("Subject");
    final TextArea body = new TextArea("Text");
    final Paragraph placeholders = new Paragraph();
    final Pre preview = new Pre();
    final TextField newBatch = new TextField("New batch name");
    final Button createBatch = new Button("Create batch");
    final Button customerList = new Button("View customer list");
    final Button runNow = new Button("Run now");
    final Button schedule = new Button("Schedule");
    final Paragraph counts = new Paragraph();
    final Grid<RowResult> rows = new Grid<>();
    private long previewRun;
    private Registration polling;

    /** @param dates how the organisation writes dates: the form's pickers */
    public MassCertView(MassCertService masscert, ProcessService processes, ProgramService programs,
            AccountingService accounting, SecurityService security, DateFormats dates) {
        this.masscert = masscert;
        this.processes = processes;
        this.programs = programs;
        this.accounting = accounting;
        this.security = security;
        setId("masscert-view");
        add(new H2("Mass certification"), new Paragraph("Approves the pending exam scores and education credits of"
                + " a certification's applicants, then certifies each one, or creates the order for the fee."));
        form.localize(dates);
        form.offer(masscert.certifications("", 200));
        form.certification.addValueChangeListener(e -> choose(e.getValue()));
        add(form);

        newBatch.setId("masscert-new-batch");
        createBatch.setId("masscert-create-batch");
        createBatch.addClickListener(e -> createBatch());
        HorizontalLayout batchRow = new HorizontalLayout(newBatch, createBatch);
        batchRow.setId("masscert-batch-create");
        batchRow.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(batchRow);

        wording.setId("masscert-wording");
        wording.setLabel("Confirmation email");
        wording.setItems(Wording.values());
        wording.setItemLabelGenerator(Wording::title);
        wording.addValueChangeListener(e -> showTemplate(e.getValue()));
        subject.setId("masscert-subject");
        subject.setWidthFull();
        body.setId("masscert-body");
        body.setWidthFull();
        body.setMinHeight("8em");
        Button showPreview = new Button("Preview with an applicant", e -> previewEmail());
        showPreview.setId("masscert-preview-email");
        Button save = new Button("Save wording", e -> saveTemplate());
        save.setId("masscert-save-wording");
        Button standard = new Button("Built-in wording", e -> {
            ConfirmationEmail s = masscert.standardTemplate(wording.getValue());
            subject.setValue(s.subject());
            body.setValue(s.body());
        });
        standard.setId("masscert-standard-wording");
        preview.setId("masscert-email-preview");
        preview.setVisible(false);
        placeholders.setId("masscert-placeholders");
        add(new H3("Confirmation email"), wording, placeholders, subject, body,
                new HorizontalLayout(showPreview, save, standard), preview);

        customerList.setId("masscert-customer-list");
        customerList.addClickListener(e -> startPreview());
        runNow.setId("masscert-run-now");
        runNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runNow.addClickListener(e -> runNow());
        schedule.setId("masscert-schedule");
        schedule.addClickListener(e -> schedule());
        add(new HorizontalLayout(customerList, runNow, schedule));

        counts.setId("masscert-counts");
        rows.setId("masscert-rows");
        rows.setHeight("24em");
        rows.addColumn(RowResult::seq).setHeader("#").setAutoWidth(true);
        rows.addColumn(r -> r.state().name().toLowerCase(java.util.Locale.ROOT)).setHeader("Outcome")
                .setAutoWidth(true);
        rows.addColumn(RowResult::message).setHeader("What will change, or why not").setFlexGrow(3);
        rows.setVisible(false);
        add(counts, rows);
        choose(null);
    }

    private void choose(ProgramSummary summary) {
        Program p = summary == null ? null : programs.find(summary.id()).orElse(null);
        form.show(p);
        boolean fee = form.hasFee();
        newBatch.getParent().ifPresent(row -> row.setVisible(fee && security.isPermitted(AccountingPermissions.MANAGE)));
        if (fee) {
            form.batches(openBatches(), null);
        }
        wording.setValue(form.wording());
        rows.setVisible(false);
        counts.setText("");
    }

    private List<Batch> openBatches() {
        return accounting.batches(BatchStatus.OPEN, null, PageRequest.first(200)).items();
    }

    private void createBatch() {
        form.clearErrors();
        try {
            Batch b = accounting.createBatch(newBatch.getValue());
            form.batches(openBatches(), b);
            newBatch.clear();
        } catch (IllegalArgumentException e) {
            newBatch.setErrorMessage(e.getMessage());
            newBatch.setInvalid(true);
        }
    }

    private void showTemplate(Wording w) {
        if (w == null) {
            return;
        }
        ConfirmationEmail t = masscert.template(w);
        subject.setValue(t.subject());
        body.setValue(t.body());
        preview.setVisible(false);
        placeholders.setText("Filled in per applicant: " + String.join(", ", w.placeholders().stream()
                .map(p -> "{" + p + "}").toList()) + ".");
    }

    private ConfirmationEmail edited() {
        return new ConfirmationEmail(wording.getValue(), subject.getValue(), body.getValue());
    }

    private void previewEmail() {
        try {
            if (form.program() == null) {
                throw new IllegalArgumentException("Certification is required: choose one.");
            }
            Optional<EmailPreview> p = masscert.preview(form.program().code(), edited());
            preview.setText(p.map(x -> "To: " + (x.to() == null ? "(no email address: " + x.applicant()
                    + " gets no email)" : x.applicant() + " <" + x.to() + ">") + "\nSubject: " + x.subject() + "\n\n"
                    + x.body()).orElse("This certification has no applicant to preview the email with."));
            preview.setVisible(true);
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE);
        }
    }

    private void saveTemplate() {
        try {
            masscert.saveTemplate(edited());
            Notification.show("The " + wording.getValue().title().toLowerCase(java.util.Locale.ROOT)
                    + " wording is saved for every later run.", 3000, Notification.Position.BOTTOM_START);
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE);
        }
    }

    void startPreview() {
        form.clearErrors();
        try {
            previewRun = processes.start(MassCertification.PROCESS, form.parameters(), RunOptions.preview());
            counts.setText("Preparing the customer list (run " + previewRun + ") ...");
            rows.setVisible(false);
            getUI().ifPresent(ui -> ui.setPollInterval(POLL_MILLIS));
        } catch (IllegalArgumentException e) {
            form.refused(e.getMessage());
        }
    }

    /** Shows the preview once the engine has run it. */
    void checkPreview() {
        if (previewRun == 0) {
            return;
        }
        Optional<ProcessRun> run = processes.run(previewRun);
        if (run.isEmpty() || !run.get().state().isFinal()) {
            return;
        }
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
        ProcessRun r = run.get();
        long id = previewRun;
        previewRun = 0;
        counts.setText(r.total() + " applicants: " + lines(id, MassCertProcess.CERTIFIED) + " would be certified, "
                + lines(id, MassCertProcess.ORDERED) + " would get an order to pay, " + lines(id,
                        MassCertProcess.FAILED) + " would not change" + (r.failed() > 0 ? ", " + r.failed()
                                + " could not be checked" : "") + "." + (r.error() == null ? "" : " " + r.error()));
        rows.setItems(DataProvider.fromCallbacks(q -> processes.rows(id, null, Pages.of(q)).items().stream(),
                q -> Pages.total(processes.rows(id, null, Pages.count()).total())));
        rows.setVisible(true);
        counts.add(new Text(" "), new Anchor("processes?run=" + id, "Details and CSV files in the Process Center"));
    }

    /** The lines of a result file (header not counted), streamed. */
    private long lines(long runId, String file) {
        long[] newlines = { 0 };
        try {
            processes.writeResultFile(runId, file, new OutputStream() {
                @Override
                public void write(int b) {
                    if (b == '\n') {
                        newlines[0]++;
                    }
                }
            });
        } catch (IOException e) {
            return 0;
        }
        return Math.max(0, newlines[0] - 1);
    }

    private void runNow() {
        form.clearErrors();
        try {
            long id = processes.start(MassCertification.PROCESS, form.parameters(), RunOptions.run());
            getUI().ifPresent(ui -> ui.navigate("processes?run=" + id));
        } catch (IllegalArgumentException e) {
            form.refused(e.getMessage());
        }
    }

    private void schedule() {
        form.clearErrors();
        try {
            long id = processes.schedule(new ScheduleRequest(MassCertification.PROCESS, form.parameters(),
                    form.scheduledAt(), null, null, RunOptions.run()));
            Notification.show("Scheduled (schedule " + id + "); the Process Center lists it.", 5000,
                    Notification.Position.BOTTOM_START);
        } catch (IllegalArgumentException e) {
            form.refused(e.getMessage());
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        polling = event.getUI().addPollListener(e -> checkPreview());
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
        preselect(event.getLocation().getQueryParameters().getParameters().get("program"));
    }

    /** {@code ?program=ID}: chooses that certification when it is offered. */
    void preselect(List<String> program) {
        if (program == null || program.isEmpty()) {
            return;
        }
        try {
            long id = Long.parseLong(program.get(0));
            form.certification.getListDataView().getItems().filter(p -> p.id() == id).findFirst()
                    .ifPresent(form.certification::setValue);
        } catch (NumberFormatException e) {
            // a mangled link: the form starts empty
        }
    }
}
