package org.certportal.enrollments.api;

import java.io.Reader;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Contacts' applications to certification programs whose options say they have a related application
 * ({@code ProgramOptions.applicationRequired}). An application is part of enrolling: submitting one
 * creates the contact's enrollment in status Applied (or takes the Applied one they have), and each
 * decision moves that enrollment through the one status door ({@link EnrollmentService#changeStatus}'s
 * rules, audited once), in the transaction that records the decision:
 * <ul>
 * <li>Approved: the enrollment goes Applied → In progress;</li>
 * <li>Rejected: Applied → Declined, with the reason;</li>
 * <li>Withdrawn: Applied → Cancelled, with the reason (the applicant stepped back; cancelled
 * enrollments are closed and the contact may apply again later);</li>
 * <li>Under review: the enrollment stays Applied.</li>
 * </ul>
 * The other way round, an Applied enrollment moved any other way (its own approve or decline, a cancel,
 * a process) takes its open application along: Approved, Rejected or Withdrawn, in the same transaction.
 * Submitted and Under review applications may be decided; Approved, Rejected and Withdrawn are final.
 * A contact has at most one open application per program. Reads demand
 * {@link EnrollmentPermissions#READ}, changes {@link EnrollmentPermissions#EDIT}. Bad input throws
 * IllegalArgumentException with a sentence for the user and changes nothing; a stale
 * {@code expectedVersion} throws ConcurrentModificationException.
 *
 * @since 1.5
 */
@ProviderType
public interface ApplicationService {

    /** Sort keys of {@link #search}; the default is the application date, newest first. */
    String SORT_APPLIED_ON = "appliedOn";
    String SORT_NAME = "name";
    String SORT_PROGRAM = "program";
    String SORT_STATUS = "status";

    /** Most rows one {@link #importCsv} file holds. */
    int MAX_IMPORT_ROWS = 50_000;

    /** Applications matching the filter, sorted and paged in the database. */
    Page<Application> search(ApplicationFilter filter, PageRequest page);

    /** How many applications match the filter, counted in the database. */
    long count(ApplicationFilter filter);

    Optional<Application> find(long applicationId);

    /** Every application of a contact (a person has a handful), newest first. */
    List<Application> ofContact(long contactId);

    /**
     * Records a contact's application to an Active program that has a related application, dated
     * {@code appliedOn} (null: today; never in the future), and creates the contact's enrollment in
     * status Applied, or takes the Applied enrollment they already have. Demands
     * {@link EnrollmentPermissions#EDIT}.
     *
     * @throws IllegalArgumentException when the program is not Active or takes no applications, the
     *         contact is unknown, already has an open application to it, or may not enroll in it
     *         (already enrolled, already certified)
     */
    Application submit(long programId, long contactId, LocalDate appliedOn);

    /**
     * Moves an open application to {@code to} (Under review, Approved, Rejected or Withdrawn) and its
     * enrollment as the class comment says. The reason is required to reject or withdraw, optional
     * otherwise. Demands {@link EnrollmentPermissions#EDIT}.
     *
     * @throws IllegalArgumentException when the application is decided already, the move is not
     *         allowed, the reason is missing, or the enrollment's status rules refuse the move
     */
    Application decide(long applicationId, long expectedVersion, ApplicationStatus to, String reason);

    /** {@link #importCsv(Reader, boolean)} that imports when every row is good. */
    default ImportReport importCsv(Reader csv) {
        return importCsv(csv, false);
    }

    /**
     * Submits the applications of a UTF-8 CSV file with the header {@code contact,program,applied}
     * (the contact's external identifier, the program's code, yyyy-mm-dd). Every row is checked first,
     * against the file and the database (unknown contact or program, a program without applications,
     * a date in the future, a contact who may not apply, the same contact and program twice); every bad
     * row is reported as "Line N: ..." and when any is bad nothing is imported. Otherwise all are
     * submitted in one transaction. Demands {@link EnrollmentPermissions#EDIT}.
     *
     * @param checkOnly check and report only; import nothing
     */
    ImportReport importCsv(Reader csv, boolean checkOnly);

    /**
     * The contacts with an application to the program that matches the filter (the filter's own
     * program, when set, must be the same), distinct and by contact id, on the caller's connection and
     * in its transaction (do not commit or close it): processes select whom to work on with it.
     * Demands {@link EnrollmentPermissions#READ}.
     */
    List<Long> selectContacts(Connection connection, long programId, ApplicationFilter filter);
}
