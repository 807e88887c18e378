package org.certportal.tracking.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactService;
import org.certportal.mail.api.MailMessage;
import org.certportal.mail.api.MailOutbox;
import org.certportal.persistence.api.DataSources;
import org.certportal.persistence.api.JdbcTransactions;
import org.certportal.programs.api.ProgramService;
import org.certportal.security.api.Caller;
import org.certportal.security.api.SecurityService;
import org.certportal.security.api.UserDirectory;
import org.certportal.settings.api.SettingsService;
import org.certportal.tracking.api.ReminderMessage;
import org.certportal.tracking.api.ReminderPlan;
import org.certportal.tracking.api.ReminderService;
import org.certportal.tracking.api.SentReminder;
import org.certportal.tracking.api.TrackingPermissions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ReminderService.class)
public class ReminderServiceImpl implements ReminderService {
    /** The entity type reminder plans are audited under; the id is the program's, or "default". */
    static final String AUDIT_TYPE = "tracking-reminders";
    private static final int SENT_LIMIT = 100;

    private final DataSource ds;
    private final SecurityService security;
    private final SettingsService settings;
    private final ProgramService programs;
    private final ContactService contacts;
    private final UserDirectory users;
    private final MailOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public ReminderServiceImpl(@Reference(target = DataSources.TARGET) DataSource ds,
            @Reference SecurityService security, @Reference SettingsService settings,
            @Reference ProgramService programs, @Reference ContactService contacts, @Reference UserDirectory users,
            @Reference MailOutbox outbox, @Reference AuditLog audit, @Reference TrackingSchema schema) {
        this(ds, security, settings, programs, contacts, users, outbox, audit, Clock.systemUTC());
    }

    /** With the clock that says what day it is (tests; not public: SCR must see one constructor of this arity). */
    ReminderServiceImpl(DataSource ds, SecurityService security, SettingsService settings, ProgramService programs,
            ContactService contacts, UserDirectory users, MailOutbox outbox, AuditLog audit, Clock clock) {
        this.ds = ds;
        this.security = security;
        this.settings = settings;
        this.programs = programs;
        this.contacts = contacts;
        this.users = users;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public ReminderPlan organisationDefault() {
        security.require(TrackingPermissions.READ);
        return JdbcTransactions.required(ds, c -> plan(null, ReminderPlans.one(c, ReminderPlans.DEFAULT_ID), false));
    }

    @Override
    public ReminderPlan plan(long programId) {
        security.require(TrackingPermissions.READ);
        return JdbcTransactions.required(ds, c -> {
            programName(c, programId);
            Optional<ReminderPlans.Stored> own = ReminderPlans.one(c, programId);
            if (own.isPresent()) {
                return plan(programId, own, false);
            }
            return plan(programId, ReminderPlans.one(c, ReminderPlans.DEFAULT_ID), true);
        });
    }

    private static ReminderPlan plan(Long programId, Optional<ReminderPlans.Stored> stored, boolean inherited) {
        return stored.map(s -> new ReminderPlan(programId, s.ladder().daysBefore(), s.ladder().graceDays(),
                s.subject(), s.body(), inherited, true)).orElseGet(() -> new ReminderPlan(programId, List.of(),
                        List.of(), ReminderTemplate.DEFAULT_SUBJECT, ReminderTemplate.DEFAULT_BODY, inherited, false));
    }

    @Override
    public ReminderPlan save(Long programId, List<Integer> daysBefore, List<Integer> graceDays, String subject,
            String body) {
        Caller caller = security.require(TrackingPermissions.MANAGE_REMINDERS);
        ReminderRules.Ladder ladder = new ReminderRules.Ladder(daysBefore, graceDays);
        String s = ReminderTemplate.checkSubject(subject);
        String b = ReminderTemplate.checkBody(body);
        long id = programId == null ? ReminderPlans.DEFAULT_ID : programId;
        return JdbcTransactions.required(ds, c -> {
            if (programId != null) {
                programName(c, programId);
            }
            Optional<ReminderPlans.Stored> before = ReminderPlans.one(c, id);
            ReminderPlans.Stored after = new ReminderPlans.Stored(id, ladder, s, b);
            ReminderPlans.save(c, after, caller.userName(), clock.instant());
            audit.record(c, AUDIT_TYPE, auditId(programId), before.isPresent() ? "update" : "create", Changes.of()
                    .field("daysBefore", before.map(p -> ReminderPlans.format(p.ladder().daysBefore())).orElse(null),
                            ReminderPlans.format(ladder.daysBefore()))
                    .field("graceDays", before.map(p -> ReminderPlans.format(p.ladder().graceDays())).orElse(null),
                            ReminderPlans.format(ladder.graceDays()))
                    .field("subject", before.map(ReminderPlans.Stored::subject).orElse(null), s)
                    .field("body", before.map(ReminderPlans.Stored::body).orElse(null), b));
            return plan(programId, Optional.of(after), false);
        });
    }

    @Override
    public void useDefault(long programId) {
        security.require(TrackingPermissions.MANAGE_REMINDERS);
        JdbcTransactions.required(ds, c -> {
            programName(c, programId);
            Optional<ReminderPlans.Stored> before = ReminderPlans.one(c, programId);
            if (before.isPresent() && ReminderPlans.delete(c, programId)) {
                audit.record(c, AUDIT_TYPE, auditId(programId), "use-default", Changes.of()
                        .field("daysBefore", ReminderPlans.format(before.get().ladder().daysBefore()), null)
                        .field("graceDays", ReminderPlans.format(before.get().ladder().graceDays()), null));
            }
            return null;
        });
    }

    @Override
    public boolean anyConfigured() {
        security.require(TrackingPermissions.READ);
        return JdbcTransactions.required(ds, c -> ReminderPlans.all(c).anySteps());
    }

    @Override
    public ReminderMessage preview(long programId, long enrollmentId, String subject, String body) {
        security.require(TrackingPermissions.READ);
        return render(programId, enrollmentId, subject, body, true);
    }

    @Override
    public String testSend(long programId, long enrollmentId, String subject, String body) {
        security.require(TrackingPermissions.MANAGE_REMINDERS);
        String to = users.ownEmail().filter(a -> !a.isBlank()).orElseThrow(() -> new IllegalArgumentException(
                "Your account has no email address, so no test can be sent: ask an administrator to add one"
                        + " (certportal:users --email)."));
        ReminderMessage m = render(programId, enrollmentId, subject, body, false);
        MailMessage mail = new MailMessage(to, "[Test] " + m.subject(), m.body());
        JdbcTransactions.required(ds, c -> outbox.queue(c, mail));
        return to;
    }

    @Override
    public List<SentReminder> sent(long enrollmentId) {
        security.require(TrackingPermissions.READ);
        return JdbcTransactions.required(ds, c -> ReminderLog.of(c, enrollmentId, SENT_LIMIT));
    }

    /** The message one enrollee would get today from these templates (null: the program's stored ones). */
    private ReminderMessage render(long programId, long enrollmentId, String subject, String body,
            boolean withAddress) {
        String s = subject == null ? null : ReminderTemplate.checkSubject(subject);
        String b = body == null ? null : ReminderTemplate.checkBody(body);
        LocalDate today = ExpiryRules.today(clock.instant(), settings.current().timeZone());
        record Found(ReminderEnrollee enrollee, String subject, String body) {
        }
        Found found = JdbcTransactions.required(ds, c -> {
            ReminderEnrollee e = ReminderEnrollee.find(c, enrollmentId).orElseThrow(
                    () -> new IllegalArgumentException("There is no enrollment " + enrollmentId + "."));
            if (e.programId() != programId) {
                throw new IllegalArgumentException(e.contactName() + "'s enrollment " + enrollmentId + " is in "
                        + e.programName() + ", not in this program.");
            }
            ReminderPlans.All plans = ReminderPlans.all(c);
            Optional<ReminderPlans.Stored> plan = plans.forProgram(programId);
            return new Found(e, s != null ? s : plan.map(ReminderPlans.Stored::subject)
                    .orElse(ReminderTemplate.DEFAULT_SUBJECT), b != null ? b : plan.map(ReminderPlans.Stored::body)
                            .orElse(ReminderTemplate.DEFAULT_BODY));
        });
        ReminderEnrollee e = found.enrollee();
        int graceDays = e.status() == org.certportal.enrollments.api.CertificationStatus.ACTIVE
                ? programs.rules(e.programId(), e.ruleVersion()).options().gracePeriodDays() : 0;
        ReminderTemplate.Values values = e.values(graceDays, today);
        String to = withAddress ? contacts.find(e.contactId()).map(Contact::email).filter(a -> a != null
                && !a.isBlank()).orElse(null) : null;
        return new ReminderMessage(to, ReminderTemplate.render(found.subject(), values),
                ReminderTemplate.render(found.body(), values));
    }

    private static String auditId(Long programId) {
        return programId == null ? "default" : String.valueOf(programId);
    }

    /** The program's name; refuses an unknown program. */
    private static String programName(Connection c, long programId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM program_summary WHERE id = ?")) {
            ps.setLong(1, programId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("There is no program " + programId + ".");
                }
                return rs.getString(1);
            }
        }
    }
}
