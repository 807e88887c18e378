package org.certportal.tracking.internal.massdrop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactService;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.enrollments.api.StatusChange;
import org.certportal.enrollments.api.StatusChangeResult;
import org.certportal.mail.api.MailMessage;
import org.certportal.mail.api.MailOutbox;
import org.certportal.persistence.api.DataSources;
import org.certportal.persistence.api.JdbcStatements;
import org.certportal.persistence.api.JdbcTransactions;
import org.certportal.process.api.ParameterDefinition;
import org.certportal.process.api.ProcessParameters;
import org.certportal.process.api.ProcessType;
import org.certportal.process.api.ResultFile;
import org.certportal.process.api.RowContext;
import org.certportal.process.api.RowOutcome;
import org.certportal.process.api.SelectionContext;
import org.certportal.security.api.SecurityService;
import org.certportal.settings.api.SettingsService;
import org.certportal.tracking.api.TrackingPermissions;
import org.certportal.tracking.api.MassDropService;
import org.certportal.tracking.internal.ExpiryRules;
import org.certportal.tracking.internal.TrackingSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Mass drop: the enrollments of one program matching the criteria ({@link MassDropCriteria}) move to the status
 * asked, each through the enrollments' one status door on the chunk's connection (checked by the status rules,
 * audited once, with the run), and each change is recorded with the run and the version it left, for the
 * revert. A preview says per person what would change and changes nothing; a real run before the termination
 * date changes nothing either (the rows fail, to be retried on the day). Optionally each person changed gets an
 * email through the outbox, in the same transaction.
 */
@Component(service = {ProcessType.class, MassDropProcess.class})
public class MassDropProcess implements ProcessType {
    public static final String ID = MassDropService.PROCESS_TYPE;
    static final String KEY = "enrollment:";
    static final String FILE = "dropped.csv";
    static final List<String> FILE_HEADER = List.of("enrollment", "contact", "identifier", "from", "to",
            "terminated on", "notified");
    private final SecurityService security;
    private final EnrollmentService enrollments;
    private final DataSource ds;
    private final ContactService contacts;
    private final MailOutbox outbox;
    private final SettingsService settings;
    private final Clock clock;

    @Activate
    public MassDropProcess(@Reference SecurityService security, @Reference EnrollmentService enrollments,
            @Reference(target = DataSources.TARGET) DataSource ds, @Reference ContactService contacts,
            @Reference MailOutbox outbox, @Reference SettingsService settings, @Reference TrackingSchema schema) {
        this(security, enrollments, ds, contacts, outbox, settings, Clock.systemUTC());
    }

    /** With the clock that says what day it is (tests; not public: SCR must see one constructor of this arity). */
    MassDropProcess(SecurityService security, EnrollmentService enrollments, DataSource ds, ContactService contacts,
            MailOutbox outbox, SettingsService settings, Clock clock) {
        this.security = security;
        this.enrollments = enrollments;
        this.ds = ds;
        this.contacts = contacts;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** For the tests of other packages. */
    public static MassDropProcess forTests(SecurityService security, EnrollmentService enrollments, DataSource ds,
            ContactService contacts, MailOutbox outbox, SettingsService settings, Clock clock) {
        return new MassDropProcess(security, enrollments, ds, contacts, outbox, settings, clock);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Mass drop";
    }

    @Override
    public String description() {
        return "Moves the enrollments of one program (by expiration dates and statuses) to Expired, Inactive,"
                + " Cancelled or Not completed, with a termination date and a reason; a finished run can be reverted.";
    }

    @Override
    public String permission() {
        return TrackingPermissions.MASS_DROP;
    }

    @Override
    public List<ParameterDefinition> parameters() {
        return MassDropCriteria.PARAMETERS;
    }

    /**
     * Every parameter checked before anything is written. Also called by the engine when a schedule fires, with
     * no caller: the program is looked up in the published view, not through the programs service.
     */
    @Override
    public ProcessParameters validate(Map<String, String> raw) {
        return MassDropCriteria.validate(raw, this::programCode);
    }

    /** The program's own code for a code as typed (any case). */
    private Optional<String> programCode(String typed) {
        return JdbcTransactions.required(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT code FROM program_summary WHERE code_key = ?")) {
                ps.setString(1, typed.strip().toUpperCase(Locale.ROOT));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Two mass drops of one program never run together. */
    @Override
    public String scope(ProcessParameters parameters) {
        return parameters.text(MassDropCriteria.PROGRAM).orElse("all").toUpperCase(Locale.ROOT);
    }

    @Override
    public List<ResultFile> resultFiles() {
        return List.of(new ResultFile(FILE, FILE_HEADER));
    }

    /** One enrollment as the mass drop judges it, with its person. */
    record Candidate(long id, long contactId, CertificationStatus status, LocalDate expiresOn, long version,
            String givenName, String familyName, String identifier, String programCode, String programName) {
        String person() {
            String name = (givenName == null ? "" : givenName + " ") + familyName;
            return identifier == null ? name : name + " (" + identifier + ")";
        }
    }

    private static final String COLUMNS = "SELECT e.id, e.contact_id, e.status, e.expires_on, e.version, c.given_name,"
            + " c.family_name, c.external_id, p.code, p.name FROM enrollment_summary e"
            + " JOIN contact_summary c ON c.id = e.contact_id JOIN program_summary p ON p.id = e.program_id";

    @Override
    public void select(ProcessParameters parameters, SelectionContext selection) throws SQLException {
        security.require(permission());
        MassDropCriteria criteria = MassDropCriteria.of(parameters);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT e.id FROM enrollment_summary e JOIN program_summary p"
                + " ON p.id = e.program_id WHERE p.code_key = ?");
        params.add(criteria.programCode().strip().toUpperCase(Locale.ROOT));
        sql.append(" AND e.status IN ").append(JdbcStatements.placeholders(criteria.statuses().size()));
        criteria.statuses().stream().map(CertificationStatus::name).sorted().forEach(params::add);
        if (criteria.expiresFrom() != null) {
            sql.append(" AND e.expires_on >= ?");
            params.add(criteria.expiresFrom());
        }
        if (criteria.expiresThrough() != null) {
            sql.append(" AND e.expires_on <= ?");
            params.add(criteria.expiresThrough());
        }
        sql.append(" ORDER BY e.id");
        try (PreparedStatement ps = JdbcStatements.prepare(selection.connection(), sql.toString(), params)) {
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    selection.add(KEY + rs.getLong(1));
                }
            }
        }
    }

    @Override
    public RowOutcome process(RowContext row, String key, boolean dryRun) throws SQLException {
        MassDropCriteria criteria = MassDropCriteria.of(row.parameters());
        long id = Long.parseLong(key.substring(KEY.length()));
        Optional<Candidate> stored = find(row.connection(), id);
        if (stored.isEmpty()) {
            return RowOutcome.skipped("Enrollment " + id + " no longer exists.");
        }
        Candidate e = stored.get();
        if (!e.programCode().equalsIgnoreCase(criteria.programCode()) || !criteria.matches(e.status(), e.expiresOn())) {
            return RowOutcome.skipped(e.person() + ": no longer matches (" + e.status().title() + ", expires "
                    + (e.expiresOn() == null ? "never" : e.expiresOn()) + ").");
        }
        String diff = e.person() + ": " + criteria.change(e.status());
        if (dryRun) {
            String notice = "no";
            if (criteria.notifies()) {
                notice = address(e) == null ? "no email address" : "would be";
                diff += "; " + (notice.equals("would be") ? "would be notified" : "not notified: " + notice);
            }
            row.write(FILE, e.id(), e.person(), e.identifier(), e.status().title(), criteria.target().title(),
                    criteria.terminatedOn(), notice);
            return RowOutcome.done(diff);
        }
        String tooEarly = criteria.tooEarly(today());
        if (tooEarly != null) {
            return RowOutcome.failed(tooEarly);
        }
        StatusChangeResult result = enrollments.changeStatus(row.connection(), List.of(new StatusChange(id,
                e.version(), criteria.target(), criteria.auditReason(), null)), source(row.runId()));
        if (!result.refused().isEmpty()) {
            return RowOutcome.skipped(e.person() + ": refused: " + result.refused().get(0).reason());
        }
        Enrollment after = result.changed().get(0);
        MassDropLog.record(row.connection(), row.runId(), id, e.status(), criteria.target(), after.version(),
                criteria.terminatedOn(), Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
        String notified = "no";
        if (criteria.notifies()) {
            notified = notify(row.connection(), e, criteria);
            diff += "; " + (notified.equals("yes") ? "notified" : "not notified: " + notified);
        }
        row.write(FILE, e.id(), e.person(), e.identifier(), e.status().title(), criteria.target().title(),
                criteria.terminatedOn(), notified);
        return RowOutcome.done(diff);
    }

    /** What the audit log says made the change: the run, so the status history names it. */
    static String source(long runId) {
        return "tracking mass drop run " + runId;
    }

    /** Queues the person's notice on the chunk's connection; "yes", or why not. */
    private String notify(Connection c, Candidate e, MassDropCriteria criteria) {
        String address = address(e);
        if (address == null) {
            return "no email address";
        }
        MailMessage message;
        try {
            message = MassDropNotice.message(address, e.givenName(), e.familyName(), e.programCode(), e.programName(),
                    criteria);
        } catch (IllegalArgumentException bad) {
            return bad.getMessage();
        }
        outbox.queue(c, message);
        return "yes";
    }

    /** The person's email address; null without one. */
    private String address(Candidate e) {
        return contacts.find(e.contactId()).map(Contact::email).filter(a -> a != null && !a.isBlank()).orElse(null);
    }

    private LocalDate today() {
        return ExpiryRules.today(clock.instant(), settings.current().timeZone());
    }

    private static Optional<Candidate> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE e.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Candidate(rs.getLong(1), rs.getLong(2),
                        CertificationStatus.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class), rs.getLong(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
            }
        }
    }
}
