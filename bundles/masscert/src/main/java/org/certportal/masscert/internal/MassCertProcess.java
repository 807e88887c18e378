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
import java.util.function.Function;

import org.certportal.accounting.api.AccountingService;
import org.certportal.accounting.api.Batch;
import org.certportal.accounting.api.BatchStatus;
import org.certportal.completions.api.CompletionService;
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
import org.certportal.process.api.ChunkContext;
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
 * {@code enrollment_summary}: in progress, applied, or awaiting payment (met without an open order). The
 * engine hands the rows over a chunk at a time ({@link ApplicantChunk}): per applicant the {@link NextStep}
 * rule decides; then the chunk's completions are approved through the completions API, its applicants
 * certified or moved to Awaiting payment through the enrollments API and its orders created through the
 * accounting API, each in one batched call on the chunk's connection: the changes commit with the rows'
 * outcomes, so after a crash or with two portals each applicant is processed once, and the waiting row
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
    private final ApplicationService applications;
    private final AccountingService accounting;
    private final ApplicantChunk.Areas areas;
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
        this.applications = applications;
        this.accounting = accounting;
        this.areas = new ApplicantChunk.Areas(enrollments, completions, accounting, contacts, outbox);
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

    /**
     * The chunk step: the chunk's applicants read with one call per area, changed with one batched call per
     * area, their waiting rows deferred into the chunk's batches. Anything thrown sends the chunk to
     * {@link #process}, row by row, which does the same for one applicant.
     */
    @Override
    public List<RowOutcome> processChunk(ChunkContext chunk, List<String> keys, boolean dryRun) throws SQLException {
        return applicants(chunk.connection(), chunk.runId(), chunk.parameters(), chunk::row,
                (key, sql, values) -> chunk.row(key).update(sql, values)).certify(keys, dryRun);
    }

    /** One applicant, the reference the chunk step agrees with: its own statements run at once. */
    @Override
    public RowOutcome process(RowContext row, String key, boolean dryRun) throws SQLException {
        Connection c = row.connection();
        return applicants(c, row.runId(), row.parameters(), k -> row, (k, sql, values) -> execute(c, sql, values))
                .certify(List.of(key), dryRun).get(0);
    }

    private ApplicantChunk applicants(Connection c, long runId, ProcessParameters parameters,
            Function<String, RowContext> rows, ApplicantChunk.Writes writes) {
        Criteria criteria = MassCertParameters.criteria(parameters);
        return new ApplicantChunk(areas, c, runId, program(criteria.programCode()), criteria, clock.instant(),
                LocalDate.now(clock.withZone(ZoneOffset.UTC)), rows, writes);
    }

    private static void execute(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
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

}
