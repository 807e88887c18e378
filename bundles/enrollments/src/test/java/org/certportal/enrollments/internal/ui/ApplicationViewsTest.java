package org.certportal.enrollments.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.certportal.enrollments.api.Application;
import org.certportal.enrollments.api.ApplicationFilter;
import org.certportal.enrollments.api.ApplicationService;
import org.certportal.enrollments.api.ApplicationStatus;
import org.certportal.enrollments.api.ImportReport;
import org.certportal.enrollments.internal.EnrollmentPermissionProvider;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.programs.testing.FakePrograms;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.certportal.ui.spi.DateFormats;
import org.junit.jupiter.api.Test;

/** The applications' dialog, filters, import report and list without a browser: what they show and hand on. */
class ApplicationViewsTest {
    private static final Application ADA = new Application(7, 1, "Ada Lovelace", 10, "APP", 70L,
            ApplicationStatus.SUBMITTED, LocalDate.of(2026, 11, 2), null, null, null, 3);
    private final List<String> reasons = new ArrayList<>();
    private int done;

    @Test
    void rejectingAsksForTheReasonAndShowsTheRefusalBesideIt() {
        DecideDialog dialog = new DecideDialog(ADA, ApplicationStatus.REJECTED, reason -> {
            reasons.add(reason);
            return reason.isBlank() ? "Give the reason why the application is rejected." : null;
        }, () -> done++);
        assertEquals("Ada Lovelace's application to APP (applied on 2026-11-02) is rejected and the enrollment"
                + " declined. This cannot be undone.", DecideDialog.consequence(ADA, ApplicationStatus.REJECTED));
        assertTrue(dialog.reason.isRequired());
        assertTrue(reasons.isEmpty(), "opening asks, it does not decide");
        dialog.confirm.click();
        assertTrue(dialog.reason.isInvalid());
        assertEquals("Give the reason why the application is rejected.", dialog.reason.getErrorMessage());
        assertEquals(0, done);
        dialog.reason.setValue("No degree on file");
        assertFalse(dialog.reason.isInvalid(), "the message goes with the change");
        dialog.confirm.click();
        assertEquals(List.of("", "No degree on file"), reasons);
        assertEquals(1, done);
    }

    @Test
    void aRefusalAboutNoFieldShowsAboveTheButtons() {
        DecideDialog dialog = new DecideDialog(ADA, ApplicationStatus.APPROVED,
                reason -> "The application was changed by someone else meanwhile; reload it and decide again.",
                () -> done++);
        assertFalse(dialog.reason.isRequired(), "approving needs no reason");
        dialog.confirm.click();
        assertTrue(dialog.refusal.isVisible());
        assertFalse(dialog.reason.isInvalid());
        assertEquals(0, done);
    }

    @Test
    void onlyOpenApplicationsOfferDecisions() {
        assertEquals(List.of(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED, ApplicationStatus.REJECTED,
                ApplicationStatus.WITHDRAWN), ApplicationActions.offered(ApplicationStatus.SUBMITTED));
        assertEquals(List.of(ApplicationStatus.APPROVED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN),
                ApplicationActions.offered(ApplicationStatus.UNDER_REVIEW));
        for (ApplicationStatus decided : Set.of(ApplicationStatus.APPROVED, ApplicationStatus.REJECTED,
                ApplicationStatus.WITHDRAWN)) {
            assertEquals(List.of(), ApplicationActions.offered(decided));
        }
    }

    @Test
    void theFiltersBecomeOneFilterAndEmptyFieldsAreNoCondition() {
        ApplicationFilterForm form = new ApplicationFilterForm();
        assertEquals(ApplicationFilter.any(), form.filter());
        form.program.setItems(new ProgramSummary(10, "APP", "Applied", ProgramStatus.ACTIVE, 3, 1));
        form.program.setValue(new ProgramSummary(10, "APP", "Applied", ProgramStatus.ACTIVE, 3, 1));
        form.statuses.setValue(Set.of(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW));
        form.appliedFrom.setValue(LocalDate.of(2026, 1, 1));
        form.appliedThrough.setValue(LocalDate.of(2026, 3, 31));
        form.contact.setValue("  lov ");
        assertEquals(new ApplicationFilter(10L, Set.of(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), "lov"), form.filter());
    }

    @Test
    void theListShowsAReversedRangeBesideTheDateAndKeepsItsRows() {
        FakeApplications service = new FakeApplications();
        ApplicationsView view = new ApplicationsView(service, new FakePrograms(),
                new TestSecurity(new EnrollmentPermissionProvider()).as(Role.STAFF),
                DateFormats.iso(ZoneId.of("UTC")));
        assertEquals("1 application", view.count.getText());
        view.filters.appliedFrom.setValue(LocalDate.of(2026, 5, 2));
        view.filters.appliedThrough.setValue(LocalDate.of(2026, 5, 1));
        assertTrue(view.filters.appliedThrough.isInvalid(), view.filters.appliedThrough.getErrorMessage());
        assertEquals("1 application", view.count.getText(), "the list keeps the last good filter");
        view.filters.appliedFrom.setValue(LocalDate.of(2026, 4, 1));
        assertFalse(view.filters.appliedThrough.isInvalid());
        assertEquals(LocalDate.of(2026, 4, 1), service.last.appliedFrom(), "the database filters");
    }

    @Test
    void anImportWithBadLinesListsThemAndSaysNothingWasImported() {
        ImportReportPanel panel = new ImportReportPanel();
        assertFalse(panel.isVisible());
        panel.show(new ImportReport(3, 0, List.of("Line 2: no contact has the identifier 'X'.",
                "Line 4: the application date 'soon' is no date such as 2026-03-31.")));
        assertTrue(panel.summary.getText().contains("nothing was imported"), panel.summary.getText());
        assertEquals(2, panel.errors.getChildren().count());
        panel.show(new ImportReport(2, 2, List.of()));
        assertEquals("Imported 2 applications of 2 rows.", panel.summary.getText());
        assertEquals(0, panel.errors.getChildren().count());
    }

    /** One application; a reversed range refused as the service refuses it. */
    private static final class FakeApplications implements ApplicationService {
        ApplicationFilter last;

        @Override
        public Page<Application> search(ApplicationFilter filter, PageRequest page) {
            return new Page<>(List.of(ADA), count(filter));
        }

        @Override
        public long count(ApplicationFilter filter) {
            if (filter.appliedFrom() != null && filter.appliedThrough() != null
                    && filter.appliedFrom().isAfter(filter.appliedThrough())) {
                throw new IllegalArgumentException("The application date 'from' " + filter.appliedFrom()
                        + " is after 'through' " + filter.appliedThrough() + ".");
            }
            last = filter;
            return 1;
        }

        @Override
        public Optional<Application> find(long applicationId) {
            return Optional.of(ADA);
        }

        @Override
        public List<Application> ofContact(long contactId) {
            return List.of(ADA);
        }

        @Override
        public Application submit(long programId, long contactId, LocalDate appliedOn) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Application decide(long applicationId, long expectedVersion, ApplicationStatus to, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ImportReport importCsv(Reader csv, boolean checkOnly) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Long> selectContacts(Connection connection, long programId, ApplicationFilter filter) {
            return List.of();
        }
    }
}
