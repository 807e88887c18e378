package org.certportal.enrollments.internal.ui;

import java.io.Reader;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.certportal.persistence.api.CsvImport;
import org.certportal.enrollments.api.Application;
import org.certportal.enrollments.api.ApplicationFilter;
import org.certportal.enrollments.api.ApplicationService;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.enrollments.api.ImportReport;
import org.certportal.programs.api.ProgramService;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.BoundedUploadBuffer;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.Pages;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;

/**
 * Every application across programs, filtered, sorted and paged in the database, with the decide
 * buttons; users who may decide also import a CSV file of applications (checked whole, imported all or
 * nothing).
 */
public class ApplicationsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DECIDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final transient ApplicationService applications;
    final ApplicationFilterForm filters = new ApplicationFilterForm();
    final Grid<Application> grid = new Grid<>();
    final Span count = new Span();
    final Paragraph filterError = new Paragraph();
    final ImportReportPanel report = new ImportReportPanel();
    private ApplicationFilter filter = ApplicationFilter.any();

    /** @param dates how the organisation writes dates: the grid and the filter's pickers */
    public ApplicationsView(ApplicationService applications, ProgramService programs, SecurityService security,
            DateFormats dates) {
        this.applications = applications;
        dates.localize(filters.appliedFrom);
        dates.localize(filters.appliedThrough);
        setSizeFull();
        H2 title = new H2("Applications");
        title.setId("applications-title");
        filters.program.setItems(q -> programs.search(q.getFilter().orElse(""), null, Pages.of(q)).items().stream(),
                q -> Pages.total(programs.search(q.getFilter().orElse(""), null, Pages.count()).total()));
        filterError.setId("applications-filter-error");
        filterError.getStyle().set("color", "var(--lumo-error-text-color)");
        filterError.setVisible(false);
        count.setId("applications-count");

        boolean mayDecide = security.isPermitted(EnrollmentPermissions.EDIT);
        grid.setId("applications-grid");
        grid.addColumn(Application::contactName).setHeader("Contact").setSortProperty(ApplicationService.SORT_NAME);
        grid.addColumn(Application::programCode).setHeader("Program").setSortProperty(ApplicationService.SORT_PROGRAM);
        grid.addColumn(a -> a.status().title()).setHeader("Status").setSortProperty(ApplicationService.SORT_STATUS);
        grid.addColumn(a -> dates.date(a.appliedOn())).setHeader("Applied")
                .setSortProperty(ApplicationService.SORT_APPLIED_ON);
        grid.addColumn(ApplicationsView::decided).setHeader("Decided");
        grid.addColumn(a -> a.reason() == null ? "" : a.reason()).setHeader("Reason");
        grid.addComponentColumn(a -> ApplicationActions.buttons(applications, a, mayDecide, this::reload))
                .setHeader("").setAutoWidth(true);
        grid.setItems(q -> applications.search(filter, Pages.of(q)).items().stream(),
                q -> Pages.total(applications.count(filter)));
        filters.onChange(this::reload);

        add(title, filters, filterError, count, grid);
        expand(grid);
        if (mayDecide) {
            add(new H3("Import applications"), new Paragraph("A UTF-8 CSV file with the header contact,program,applied:"
                    + " the contact's identifier, the program's code and the application date (yyyy-mm-dd). Every row"
                    + " is checked first; when any is bad, nothing is imported and the bad lines are listed."),
                    upload(), report);
        }
        reload();
    }

    /** Reads the filters; a refusal of them (dates the wrong way round) shows beside the field, the list stays. */
    void reload() {
        filters.clearErrors();
        filterError.setVisible(false);
        ApplicationFilter wanted = filters.filter();
        try {
            long total = applications.count(wanted);
            filter = wanted;
            count.setText(total + " application" + (total == 1 ? "" : "s"));
            grid.getDataProvider().refreshAll();
        } catch (IllegalArgumentException refused) {
            if (!filters.refused(refused.getMessage())) {
                filterError.setText(refused.getMessage());
                filterError.setVisible(true);
            }
        }
    }

    private Upload upload() {
        // a full file of ApplicationService.MAX_IMPORT_ROWS rows is a few megabytes
        BoundedUploadBuffer buffer = new BoundedUploadBuffer(10 * 1024 * 1024);
        Upload upload = buffer.newUpload();
        upload.setId("applications-import");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.addFileRejectedListener(e -> report.failed(e.getErrorMessage()));
        upload.addFailedListener(e -> report.failed(BoundedUploadBuffer.failureMessage(e)));
        upload.setDropLabel(new Span("Drop a CSV file of applications here"));
        upload.addSucceededListener(e -> {
            try (Reader in = CsvImport.utf8(buffer.inputStream())) {
                imported(applications.importCsv(in));
            } catch (IllegalArgumentException | java.io.IOException refused) {
                report.failed(refused.getMessage());
            }
            upload.clearFileList();
        });
        return upload;
    }

    /** Shows what the import did and, when it stored anything, the list with it. */
    void imported(ImportReport result) {
        report.show(result);
        if (result.imported() > 0) {
            reload();
        }
    }

    private static String decided(Application a) {
        return a.decidedAt() == null ? "" : a.decidedBy() + ", " + DECIDED.format(a.decidedAt());
    }
}
