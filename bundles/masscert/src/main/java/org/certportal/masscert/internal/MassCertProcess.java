package org.certportal.masscert.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.certportal.accounting.api.AccountingService;
import org.certportal.accounting.api.Batch;
import org.certportal.accounting.api.BatchStatus;
import org.certportal.accounting.api.OrderRequest;
import org.certportal.accounting.api.OrderStatus;
import org.certportal.completions.api.CompletionService;
import org.certportal.completions.api.EnrolleeProgress;
import org.certportal.contacts.api.ContactService;
import org.certportal.enrollments.api.ApplicationFilter;
import org.certportal.enrollments.api.ApplicationService;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.mail.api.MailOutbox;
import org.certportal.masscert.api.MassCertPermissions;
import org.certportal.masscert.api.MassCertification;
import org.certportal.masscert.internal.Applicants.Enrolled;
import org.certportal.masscert.internal.MassCertParameters.Criteria;
import org.certportal.masscert.internal.NextStep.Approval;
import org.certportal.masscert.internal.NextStep.Decision;
import org.certportal.process.api.ParameterDefinition;
import org.certportal.process.api.ProcessParameters;
import org.certportal.process.api.ProcessType;
import org.certportal.process.api.ResultFile;
import org.certportal.process.api.RowContext;
import org.certportal.process.api.RowOutcome;
import org.certportal.process.api.SelectionContext;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.security.api.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Mass certification on the process engine. The selection, made once when the run starts, lists the
 * program's applicants ({@link Applicants}: one row {@code enrollment:ID} each, by id) through the
 * enrollments API (the applications matching the criteria) and its published view
 * {@code enrollment_summary}: in progress, applied, or awaiting payment (met without an open order). Per applicant the {@link NextStep} rule decides; the row then approves the
 * completions through the completions API and certifies through the enrollments API, or moves the
 * enrollment to Awaiting payment (enrollments API) and creates the order through the accounting API, all on the chunk's connection: the changes commit with the row's
 * outcome, so after a crash or with two portals each applicant is processed once, and the waiting row
 * (one per enrollment) is the last guard against a second order. A dry run lists the same rows in the
 * same result files and changes nothing.
 *
 * <p>One active run per certification (scope: the program's code).
 */
@Component(service = {ProcessType.class, MassCertProcess.class})
public class MassCertProcess implements ProcessType {
    public static final String CERTIFIED = "certified.csv";
    public static final String ORDERED = "ordered.csv";
    public static final String FAILED = "failed.csv";
    static final List<String> CERTIFIED_COLUMNS = List.of("enrollment_id", "contact_id", "name", "approved",
            "earned_on", "status", "expires_on", "emailed_to");
    static final List<String> ORDERED_COLUMNS = List.of("enrollment_id", "contact_id", "name", "approved", "order_id",
            "amount", "currency", "batch_id", "emailed_to");
    static final List<String> FAILED_COLUMNS = List.of("enrollment_id", "contact_id", "name", "reason");

    private final SecurityService security;
    private final ProgramService programs;
    private final EnrollmentService enrollments;
    private final ApplicationService applications;
    private final CompletionService completions;
    private final AccountingService accounting;
    private final Certifying certifying;
    private final Clock clock;

    @Activate
    public MassCertProcess(@Reference SecurityService security, @Reference ProgramService programs,
            @Reference EnrollmentService enrollments, @Reference ApplicationService applications,
            @Reference CompletionService completions, @Reference AccountingService accounting,
            @Reference ContactService contacts, @Reference MailOutbox outbox, @Reference MassCertSchema schema) {
        this(security, programs, enrollments, applications, completions, accounting, contacts, outbox,
                Clock.systemUTC());
    }

    /** With the clock of the tests. */
    MassCertProcess(SecurityService security, ProgramService programs, EnrollmentService enrollments,
            ApplicationService applications, CompletionService completions, AccountingService accounting,
            ContactService contacts, MailOutbox outbox, Clock clock) {
        this.security = security;
        this.programs = programs;
        this.enrollments = enrollments;
        this.applications = applications;
        this.completions = completions;
        this.accounting = accounting;
        this.certifying = new Certifying(enrollments, contacts, outbox);
        this.clock = clock;
    }

    @Override
    public String id() {
        return MassCertification.PROCESS;
    }

    @Override
    public String title() {
        return "Mass certification";
    }

    @Override
    public String description() {
        return "Approves the pending exam scores and education credits of a certification's applicants, then"
                + " certifies each one when the certification is free or creates the order for its fee.";
    }

    @Override
    public String permission() {
        return MassCertPermissions.RUN;
    }

    @Override
    public List<ParameterDefinition> parameters() {
        return MassCertParameters.DEFINITIONS;
    }

    /** Every check that needs the program and the batch, before anything is stored. */
    @Override
    public ProcessParameters validate(Map<String, String> raw) {
        ProcessParameters p = ProcessType.super.validate(raw);
        Criteria c = MassCertParameters.criteria(p);
        Program program = program(c.programCode());
        if (!NextStep.applies(program.requirements())) {
            throw new IllegalArgumentException("Certification " + program.code() + " has no exam or education-credit"
                    + " requirements to approve.");
        }
        if (c.hasApplicationCriteria() && !program.options().applicationRequired()) {
            throw new IllegalArgumentException("Certification " + program.code() + " has no related application:"
                    + " leave the application status and dates empty.");
        }
        if (hasFee(program)) {
            if (c.batchId() == null) {
                throw new IllegalArgumentException("Accounting batch is required: certification " + program.code()
                        + " has a fee of " + program.options().fee().toPlainString() + " " + currency(program) + ".");
            }
            Batch batch = accounting.findBatch(c.batchId()).orElseThrow(() -> new IllegalArgumentException(
                    "Accounting batch " + c.batchId() + " does not exist."));
            if (batch.status() != BatchStatus.OPEN) {
                throw new IllegalArgumentException("Accounting batch " + batch.name() + " is closed; choose an open"
                        + " batch or create one.");
            }
        }
        return p;
    }

    @Override
    public String scope(ProcessParameters parameters) {
        return parameters.text(MassCertification.PROGRAM).orElse("").strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public List<ResultFile> resultFiles() {
        return List.of(new ResultFile(CERTIFIED, CERTIFIED_COLUMNS), new ResultFile(ORDERED, ORDERED_COLUMNS),
                new ResultFile(FAILED, FAILED_COLUMNS));
    }

    @Override
    public void select(ProcessParameters parameters, SelectionContext selection) throws SQLException {
        security.require(permission());
        Criteria c = MassCertParameters.criteria(parameters);
        Program program = program(c.programCode());
        for (String key : applicants(selection.connection(), program, c)) {
            selection.add(key);
        }
    }

    /** The applicants' row keys, on the caller's connection. */
    List<String> applicants(Connection connection, Program program, Criteria c) throws SQLException {
        Set<Long> matching = null;
        if (program.options().applicationRequired()) {
            matching = new HashSet<>(applications.selectContacts(connection, program.id(), new ApplicationFilter(
                    program.id(), c.statuses(), c.appliedFrom(), c.appliedThrough(), null)));
        }
        List<Enrolled> enrolled = new ArrayList<>();
        // the enrollments area's published read view, not its table
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, contact_id, status FROM enrollment_summary"
                + " WHERE program_id = ? AND status IN ('IN_PROGRESS', 'APPLIED', 'AWAITING_PAYMENT') ORDER BY id")) {
            ps.setLong(1, program.id());
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    enrolled.add(new Enrolled(rs.getLong(1), rs.getLong(2), CertificationStatus.valueOf(
                            rs.getString(3))));
                }
            }
        }
        return Applicants.keys(enrolled, matching);
    }

    @Override
    public RowOutcome process(RowContext row, String key, boolean dryRun) throws SQLException {
        long enrollmentId = Applicants.enrollmentId(key);
        Criteria criteria = MassCertParameters.criteria(row.parameters());
        Program program = program(criteria.programCode());
        Connection c = row.connection();
        EnrolleeProgress progress;
        try {
            progress = completions.progress(enrollmentId);
        } catch (IllegalArgumentException gone) {
            row.write(FAILED, enrollmentId, "", "", "The enrollment no longer exists.");
            return RowOutcome.skipped("The enrollment no longer exists.");
        }
        long contactId = progress.enrollment().contactId();
        String name = progress.contactName();
        if (progress.enrollment().programId() != program.id()) {
            return RowOutcome.failed("Enrollment " + enrollmentId + " is not in " + program.code() + ".");
        }
        Long waiting = waitingOrder(c, enrollmentId, dryRun);
        Decision d = NextStep.decide(new NextStep.Applicant(progress.enrollment().status(), progress.steps(),
                waiting), program.options().fee(), currency(program));
        String approved = String.join("; ", d.approvals().stream().map(Approval::requirement).toList());
        switch (d.kind()) {
            case NONE -> {
                row.write(FAILED, enrollmentId, contactId, name, d.reason());
                return RowOutcome.skipped(name + ": " + d.reason());
            }
            case CERTIFY -> {
                LocalDate earnedOn = d.completeOn() == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC))
                        : d.completeOn();
                if (dryRun) {
                    row.write(CERTIFIED, enrollmentId, contactId, name, approved, earnedOn, "", "", "");
                    return RowOutcome.done(name + ": would " + d.summary());
                }
                approve(c, d);
                Certifying.Certified done = certifying.certify(c, enrollmentId, earnedOn, program.name(),
                        criteria.sendEmail());
                row.write(CERTIFIED, enrollmentId, contactId, name, approved, done.enrollment().earnedOn(),
                        done.enrollment().status().title(), nullToEmpty(done.enrollment().expiresOn()),
                        nullToEmpty(done.emailedTo()));
                return RowOutcome.done(name + ": " + d.summary() + emailed(criteria, done.emailedTo()));
            }
            case ORDER -> {
                String amount = d.amount().toPlainString();
                if (dryRun) {
                    row.write(ORDERED, enrollmentId, contactId, name, approved, "", amount, d.currency(),
                            criteria.batchId(), "");
                    return RowOutcome.done(name + ": would " + d.summary());
                }
                approve(c, d);
                if (progress.enrollment().status() == CertificationStatus.IN_PROGRESS) {
                    // met: the enrollment awaits payment through the one door of earning, never Active unpaid
                    certifying.awaitPayment(c, enrollmentId, d.completeOn() == null ? LocalDate.now(clock
                            .withZone(ZoneOffset.UTC)) : d.completeOn());
                }
                long orderId = accounting.createOrder(c, new OrderRequest(contactId, MassCertification.ORDER_PURPOSE,
                        String.valueOf(enrollmentId), shorten("Certification fee: " + program.name(), 200),
                        d.amount(), d.currency(), criteria.batchId()));
                MassCertStore.insertWaiting(c, new MassCertStore.Waiting(enrollmentId, orderId, row.runId(),
                        criteria.sendEmail()), clock.instant());
                String to = criteria.sendEmail() ? certifying.orderPlaced(c, contactId, program.name(), amount,
                        d.currency(), orderId) : null;
                row.write(ORDERED, enrollmentId, contactId, name, approved, orderId, amount, d.currency(),
                        criteria.batchId(), nullToEmpty(to));
                return RowOutcome.done(name + ": " + d.summary() + " (order " + orderId + ")" + emailed(criteria, to));
            }
            default -> throw new IllegalStateException(d.kind().name());
        }
    }

    /**
     * The order the applicant waits for, or null. A waiting row whose order was cancelled while this area
     * was not installed (so its handler never heard) is released here: the applicant is ordered again.
     */
    private Long waitingOrder(Connection c, long enrollmentId, boolean dryRun) throws SQLException {
        MassCertStore.Waiting w = MassCertStore.waiting(c, enrollmentId).orElse(null);
        if (w == null) {
            return null;
        }
        boolean cancelled = accounting.ordersFor(MassCertification.ORDER_PURPOSE, List.of(String.valueOf(
                enrollmentId))).stream().anyMatch(o -> o.id() == w.orderId() && o.status() == OrderStatus.CANCELLED);
        if (!cancelled) {
            return w.orderId();
        }
        if (!dryRun) {
            MassCertStore.release(c, enrollmentId, w.orderId());
        }
        return null;
    }

    private void approve(Connection c, Decision d) {
        if (!d.approvals().isEmpty()) {
            completions.approveWithoutEarning(c, d.approvals().stream().map(Approval::completionId).toList());
        }
    }

    private Program program(String code) {
        Program p = programs.findByCode(code).orElseThrow(() -> new IllegalArgumentException("There is no"
                + " certification with the code '" + code + "'."));
        if (p.status() != ProgramStatus.ACTIVE) {
            throw new IllegalArgumentException("Certification " + p.code() + " is " + p.status().name()
                    .toLowerCase(Locale.ROOT) + ", not active.");
        }
        return p;
    }

    /** Whether mass certification offers the certification: active, with an exam or education-credit requirement. */
    public static boolean eligible(Program p) {
        return p.status() == ProgramStatus.ACTIVE && NextStep.applies(p.requirements());
    }

    /** The currency of the program's fee (programs that never chose one are in the default). */
    public static String currency(Program p) {
        String c = p.options().currency();
        return c == null || c.isBlank() ? ProgramOptions.DEFAULT_CURRENCY : c;
    }

    static boolean hasFee(Program p) {
        BigDecimal fee = p.options().fee();
        return fee != null && fee.signum() > 0;
    }

    private static String emailed(Criteria c, String to) {
        if (!c.sendEmail()) {
            return "";
        }
        return to == null ? "; no email: no valid address" : "; emailed " + to;
    }


    private static Object nullToEmpty(Object o) {
        return o == null ? "" : o;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
