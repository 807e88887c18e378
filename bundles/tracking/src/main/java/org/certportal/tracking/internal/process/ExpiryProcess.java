package org.certportal.tracking.internal.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactService;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.enrollments.api.StatusChange;
import org.certportal.enrollments.api.StatusChangeResult;
import org.certportal.mail.api.MailMessage;
import org.certportal.mail.api.MailOutbox;
import org.certportal.process.api.ChunkContext;
import org.certportal.process.api.ProcessParameters;
import org.certportal.process.api.ProcessType;
import org.certportal.process.api.RowContext;
import org.certportal.process.api.RowOutcome;
import org.certportal.process.api.SelectionContext;
import org.certportal.programs.api.ProgramService;
import org.certportal.security.api.SecurityService;
import org.certportal.settings.api.SettingsService;
import org.certportal.tracking.api.TrackingPermissions;
import org.certportal.tracking.api.SentReminder;
import org.certportal.tracking.internal.ExpiryRules;
import org.certportal.tracking.internal.ReminderEnrollee;
import org.certportal.tracking.internal.ReminderLog;
import org.certportal.tracking.internal.ReminderPlans;
import org.certportal.tracking.internal.ReminderRules;
import org.certportal.tracking.internal.ReminderTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The daily expiry: every Active certification past its expiration date and its program's grace period,
 * and every enrollment never earned past its expiration date, becomes Expired, through the enrollments'
 * one status door (checked by the status rules, audited once, with the run). It works from the stored
 * status and today, so a second run the same day finds nothing, and one run after days of downtime
 * catches up with all of them. Expiring is never stored: the Tracking page shows it from the dates.
 *
 * <p>The same run sends the expiry reminders of the ladder ({@link ReminderRules}): for each Active
 * certification not expiring today, the latest step that came due, queued in the mail outbox in the chunk's
 * transaction and recorded under a unique key per enrollment, expiration date and step, so a rolled-back
 * chunk queues nothing and a second run the same day sends nothing.
 *
 * <p>Chunks go through {@link #processChunk}: one read, one status batch, one mail batch and one reminder
 * batch per chunk; {@link #process} is the same work for one row, the engine's fallback when a chunk fails.
 */
@Component(service = {ProcessType.class, ExpiryProcess.class})
public class ExpiryProcess implements ProcessType {
    public static final String ID = "tracking-expiry";
    static final String KEY = "enrollment:";
    private final SecurityService security;
    private final EnrollmentService enrollments;
    private final ProgramService programs;
    private final SettingsService settings;
    private final ContactService contacts;
    private final MailOutbox outbox;
    private final Clock clock;
    private final ReminderRecipients recipients = new ReminderRecipients();
    private final RunMemo memo = new RunMemo();

    @Activate
    public ExpiryProcess(@Reference SecurityService security, @Reference EnrollmentService enrollments,
            @Reference ProgramService programs, @Reference SettingsService settings,
            @Reference ContactService contacts, @Reference MailOutbox outbox) {
        this(security, enrollments, programs, settings, contacts, outbox, Clock.systemUTC());
    }

    /** With the clock that says what day it is (tests). */
    public ExpiryProcess(SecurityService security, EnrollmentService enrollments, ProgramService programs,
            SettingsService settings, ContactService contacts, MailOutbox outbox, Clock clock) {
        this.security = security;
        this.enrollments = enrollments;
        this.programs = programs;
        this.settings = settings;
        this.contacts = contacts;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Certification expiry";
    }

    @Override
    public String description() {
        return "Moves certifications past their expiration date and grace period, and enrollments never earned past"
                + " their expiration date, to Expired, and sends the expiry reminders that came due. Runs daily; a"
                + " second run the same day changes and sends nothing.";
    }

    @Override
    public String permission() {
        return TrackingPermissions.EXPIRE;
    }

    /** One stored enrollment as the expiry judges it. */
    record Candidate(long id, long programId, int ruleVersion, CertificationStatus status, LocalDate expiresOn,
            long version) {
    }

    @Override
    public void select(ProcessParameters parameters, SelectionContext selection) throws SQLException {
        security.require(permission());
        LocalDate today = today();
        Map<String, Integer> grace = new HashMap<>();
        Set<Long> ids = new TreeSet<>();
        // every row past its expiration date; the grace period of its program's rules decides in Java
        try (PreparedStatement ps = selection.connection().prepareStatement("SELECT id, program_id, rule_version,"
                + " status, expires_on, version FROM enrollment_summary WHERE status IN ('ACTIVE', 'IN_PROGRESS')"
                + " AND expires_on < ? ORDER BY id")) {
            ps.setObject(1, today);
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Candidate e = candidate(rs);
                    if (ExpiryRules.expiryDue(e.status(), e.expiresOn(), graceDays(grace, e), today)) {
                        ids.add(e.id());
                    }
                }
            }
        }
        selectReminders(selection.connection(), today, grace, ids);
        ids.forEach(id -> selection.add(KEY + id));
    }

    /**
     * Every Active certification within reach of a ladder with a step due and not yet handled. Those past their
     * expiration date are all looked at: they are in their grace period (or expire in this run).
     */
    private void selectReminders(Connection c, LocalDate today, Map<String, Integer> grace, Set<Long> ids)
            throws SQLException {
        ReminderPlans.All plans = ReminderPlans.all(c);
        if (!plans.anySteps()) {
            return;
        }
        LocalDate to = today.plusDays(plans.maxBefore());
        Map<Long, Set<String>> handled = ReminderLog.handledExpiring(c, to);
        try (PreparedStatement ps = c.prepareStatement("SELECT id, program_id, rule_version, status, expires_on,"
                + " version FROM enrollment_summary WHERE status = 'ACTIVE' AND expires_on <= ? ORDER BY id")) {
            ps.setObject(1, to);
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Candidate e = candidate(rs);
                    Optional<ReminderPlans.Stored> plan = plans.forProgram(e.programId());
                    if (plan.isPresent() && !ReminderRules.decide(plan.get().ladder(), e.status(), e.expiresOn(),
                            graceDays(grace, e), today, handled.getOrDefault(e.id(), Set.of())).isNothing()) {
                        ids.add(e.id());
                    }
                }
            }
        }
    }

    /**
     * The chunk at once, with the same outcomes as {@link #process} row by row: the chunk's enrollments read in one
     * query, the expiries through one call of the enrollments' status door (one UPDATE batch, one audit batch),
     * the handled steps of the others read in one query, their contacts' addresses in one call, their mail queued
     * in one batch and their steps recorded in one batch. A step another run recorded meanwhile fails the
     * batch on its unique key: the engine then rolls the chunk back and goes row by row, where that row is
     * skipped alone.
     */
    @Override
    public List<RowOutcome> processChunk(ChunkContext chunk, List<String> keys, boolean dryRun) throws SQLException {
        Connection c = chunk.connection();
        List<Long> ids = keys.stream().map(ExpiryProcess::idOf).toList();
        Map<Long, ReminderEnrollee> found = ReminderEnrollee.findAll(c, ids);
        LocalDate today = today();
        Map<String, Integer> grace = memo.graceDays(chunk.runId());
        RowOutcome[] outcomes = new RowOutcome[ids.size()];
        List<Integer> expiring = new ArrayList<>();
        List<String> diffs = new ArrayList<>();
        List<StatusChange> changes = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            ReminderEnrollee who = found.get(id);
            if (who == null) {
                outcomes[i] = gone(id);
                continue;
            }
            Candidate e = candidate(who);
            int graceDays = graceDays(grace, e);
            if (!ExpiryRules.expiryDue(e.status(), e.expiresOn(), graceDays, today)) {
                others.add(i);
            } else if (dryRun) {
                outcomes[i] = RowOutcome.done(expiryDiff(e, graceDays));
            } else {
                expiring.add(i);
                diffs.add(expiryDiff(e, graceDays));
                changes.add(new StatusChange(id, e.version(), CertificationStatus.EXPIRED, expiryReason(e, graceDays),
                        null));
            }
        }
        if (!changes.isEmpty()) {
            StatusChangeResult result = enrollments.changeStatus(c, changes, source(chunk.runId()));
            Map<Long, String> refused = new HashMap<>();
            result.refused().forEach(r -> refused.put(r.enrollmentId(), r.reason()));
            for (int j = 0; j < expiring.size(); j++) {
                int i = expiring.get(j);
                String why = refused.get(ids.get(i));
                outcomes[i] = why == null ? RowOutcome.done(diffs.get(j)) : RowOutcome.skipped("Refused: " + why);
            }
        }
        if (!others.isEmpty()) {
            remindAll(chunk, others.stream().map(i -> found.get(ids.get(i))).toList(), today, dryRun)
                    .forEach((j, outcome) -> outcomes[others.get(j)] = outcome);
        }
        return Arrays.asList(outcomes);
    }

    /**
     * {@link #remind} for many certifications at once: the outcome of each, by its index in {@code who}, and
     * (unless a dry run) their mail queued and their steps recorded in one batch each.
     */
    private Map<Integer, RowOutcome> remindAll(ChunkContext chunk, List<ReminderEnrollee> who, LocalDate today,
            boolean dryRun) throws SQLException {
        Connection c = chunk.connection();
        ReminderPlans.All plans = memo.plans(chunk.runId(), c);
        Map<String, Integer> grace = memo.graceDays(chunk.runId());
        Map<Long, LocalDate> cycles = new HashMap<>();
        who.stream().filter(w -> w.expiresOn() != null).forEach(w -> cycles.put(w.enrollmentId(), w.expiresOn()));
        Map<Long, Set<String>> handled = plans.anySteps() ? ReminderLog.handled(c, cycles) : Map.of();
        Map<Integer, RowOutcome> outcomes = new HashMap<>();
        Map<Integer, ReminderRules.Decision> due = new HashMap<>();
        for (int j = 0; j < who.size(); j++) {
            ReminderEnrollee w = who.get(j);
            Candidate e = candidate(w);
            Optional<ReminderPlans.Stored> plan = plans.forProgram(e.programId());
            ReminderRules.Decision decision = plan.isEmpty() ? ReminderRules.Decision.NOTHING : ReminderRules.decide(
                    plan.get().ladder(), e.status(), e.expiresOn(), graceDays(grace, e), today,
                    handled.getOrDefault(e.id(), Set.of()));
            if (decision.isNothing()) {
                outcomes.put(j, nothingDue(e));
            } else {
                due.put(j, decision);
            }
        }
        Map<Long, Contact> contactsFound = due.values().stream().anyMatch(d -> d.send().isPresent())
                ? contacts.findAll(due.keySet().stream().map(j -> who.get(j).contactId()).distinct().toList())
                : Map.of();
        List<Integer> sending = new ArrayList<>();
        List<MailMessage> mails = new ArrayList<>();
        List<ReminderLog.Handled> records = new ArrayList<>();
        Map<Integer, String> emails = new HashMap<>();
        for (Map.Entry<Integer, ReminderRules.Decision> d : new TreeMap<>(due).entrySet()) {
            int j = d.getKey();
            ReminderEnrollee w = who.get(j);
            ReminderRules.Decision decision = d.getValue();
            if (decision.send().isEmpty()) {
                records.add(handled(w, decision, null, null));
                outcomes.put(j, laterSentBefore(decision));
                continue;
            }
            Optional<String> email = Optional.ofNullable(contactsFound.get(w.contactId())).map(Contact::email)
                    .filter(a -> !a.isBlank());
            if (email.isEmpty()) {
                records.add(handled(w, decision, null, null));
                outcomes.put(j, noAddress(w, decision));
                continue;
            }
            ReminderPlans.Stored plan = plans.forProgram(w.programId()).orElseThrow();
            ReminderTemplate.Values values = w.values(graceDays(grace, candidate(w)), today);
            mails.add(new MailMessage(email.get(), ReminderTemplate.render(plan.subject(), values),
                    ReminderTemplate.render(plan.body(), values)));
            sending.add(j);
            emails.put(j, email.get());
            outcomes.put(j, RowOutcome.done((dryRun ? "Would send " : "Sent ") + sentWhat(w, decision, email.get())
                    + "."));
        }
        if (dryRun) {
            return outcomes;
        }
        List<Long> mailIds = mails.isEmpty() ? List.of() : outbox.queueEach(c, mails);
        for (int k = 0; k < sending.size(); k++) {
            int j = sending.get(k);
            records.add(handled(who.get(j), due.get(j), emails.get(j), mailIds.get(k)));
        }
        ReminderLog.recordAll(c, chunk.runId(), clock.instant(), records);
        return outcomes;
    }

    private static ReminderLog.Handled handled(ReminderEnrollee w, ReminderRules.Decision decision, String email,
            Long mailId) {
        return new ReminderLog.Handled(w.enrollmentId(), w.expiresOn(), entries(decision, email, mailId));
    }

    @Override
    public RowOutcome process(RowContext row, String key, boolean dryRun) throws SQLException {
        long id = idOf(key);
        Optional<Candidate> stored = find(row.connection(), id);
        if (stored.isEmpty()) {
            return gone(id);
        }
        Candidate e = stored.get();
        LocalDate today = today();
        int graceDays = graceDays(memo.graceDays(row.runId()), e);
        if (!ExpiryRules.expiryDue(e.status(), e.expiresOn(), graceDays, today)) {
            return remind(row, e, graceDays, today, dryRun);
        }
        String diff = expiryDiff(e, graceDays);
        if (dryRun) {
            return RowOutcome.done(diff);
        }
        StatusChangeResult result = enrollments.changeStatus(row.connection(), List.of(new StatusChange(id,
                e.version(), CertificationStatus.EXPIRED, expiryReason(e, graceDays), null)), source(row.runId()));
        if (!result.refused().isEmpty()) {
            return RowOutcome.skipped("Refused: " + result.refused().get(0).reason());
        }
        return RowOutcome.done(diff);
    }

    private static long idOf(String key) {
        return Long.parseLong(key.substring(KEY.length()));
    }

    private static String source(long runId) {
        return "tracking expiry run " + runId;
    }

    private static RowOutcome gone(long id) {
        return RowOutcome.skipped("Enrollment " + id + " no longer exists.");
    }

    private static String expiryReason(Candidate e, int graceDays) {
        return "Expired: " + (e.status() == CertificationStatus.ACTIVE ? "the certification expired on "
                + e.expiresOn() + " and its grace period ended on "
                + ExpiryRules.lastValidDay(e.status(), e.expiresOn(), graceDays)
                : "not earned by the expiration date " + e.expiresOn()) + ".";
    }

    private static String expiryDiff(Candidate e, int graceDays) {
        return e.status().title() + " → " + CertificationStatus.EXPIRED.title() + ": " + expiryReason(e, graceDays);
    }

    private static RowOutcome nothingDue(Candidate e) {
        return RowOutcome.skipped("Nothing due: " + e.status().title() + ", expires " + e.expiresOn() + ".");
    }

    private static String skippedSteps(ReminderRules.Decision decision) {
        return decision.skip().isEmpty() ? "" : " (earlier steps skipped: " + String.join(", ",
                decision.skip().stream().map(ReminderRules.Step::label).toList()) + ")";
    }

    private static RowOutcome laterSentBefore(ReminderRules.Decision decision) {
        return RowOutcome.done("No reminder sent, a later one was sent before; recorded as skipped: "
                + String.join(", ", decision.skip().stream().map(ReminderRules.Step::label).toList()) + ".");
    }

    private static RowOutcome noAddress(ReminderEnrollee who, ReminderRules.Decision decision) {
        return RowOutcome.skipped("No email address for " + who.contactName() + ": the reminder "
                + decision.send().get().label() + " was not sent" + skippedSteps(decision) + ".");
    }

    private static String sentWhat(ReminderEnrollee who, ReminderRules.Decision decision, String email) {
        return "the reminder " + decision.send().get().label() + " to " + who.contactName() + " <" + email + ">"
                + skippedSteps(decision);
    }

    private static Candidate candidate(ReminderEnrollee w) {
        return new Candidate(w.enrollmentId(), w.programId(), w.ruleVersion(), w.status(), w.expiresOn(),
                w.version());
    }

    /** The reminder that came due for a certification that does not expire today, if any. */
    private RowOutcome remind(RowContext row, Candidate e, int graceDays, LocalDate today, boolean dryRun)
            throws SQLException {
        Connection c = row.connection();
        ReminderPlans.All plans = memo.plans(row.runId(), c);
        Optional<ReminderPlans.Stored> plan = plans.forProgram(e.programId());
        ReminderRules.Decision decision = plan.isEmpty() ? ReminderRules.Decision.NOTHING : ReminderRules.decide(
                plan.get().ladder(), e.status(), e.expiresOn(), graceDays, today,
                ReminderLog.handled(c, e.id(), e.expiresOn()));
        if (decision.isNothing()) {
            return nothingDue(e);
        }
        if (decision.send().isEmpty()) {
            if (!dryRun) {
                record(c, row.runId(), e, null, decision, () -> null);
            }
            return laterSentBefore(decision);
        }
        ReminderRules.Step step = decision.send().get();
        ReminderEnrollee who = ReminderEnrollee.find(c, e.id()).orElseThrow();
        Optional<String> email = recipients.email(c, contacts, row.runId(), e.id(), who.contactId(),
                today.plusDays(plans.maxBefore()));
        if (email.isEmpty()) {
            if (!dryRun) {
                record(c, row.runId(), e, null, decision, () -> null);
            }
            return noAddress(who, decision);
        }
        ReminderTemplate.Values values = who.values(graceDays, today);
        MailMessage mail = new MailMessage(email.get(), ReminderTemplate.render(plan.get().subject(), values),
                ReminderTemplate.render(plan.get().body(), values));
        String what = sentWhat(who, decision, email.get());
        if (dryRun) {
            return RowOutcome.done("Would send " + what + ".");
        }
        if (!record(c, row.runId(), e, email.get(), decision, () -> outbox.queue(c, mail))) {
            return RowOutcome.skipped("Already sent by another run: " + step.label() + ".");
        }
        return RowOutcome.done("Sent " + what + ".");
    }

    /** Records the decision's steps once (see {@link ReminderLog#recordOnce}); false when another run was first. */
    private boolean record(Connection c, long runId, Candidate e, String email, ReminderRules.Decision decision,
            ReminderLog.SqlStep queue) throws SQLException {
        return ReminderLog.recordOnce(c, e.id(), e.expiresOn(), runId, clock.instant(), queue,
                entries(decision, email, null));
    }

    /** The entries of a decision: its skipped steps, and its step to send (no address when {@code email} is null). */
    private static List<ReminderLog.Entry> entries(ReminderRules.Decision decision, String email, Long mailId) {
        List<ReminderLog.Entry> entries = new ArrayList<>();
        decision.skip().forEach(s -> entries.add(new ReminderLog.Entry(s, SentReminder.SKIPPED, null, null)));
        decision.send().ifPresent(s -> entries.add(new ReminderLog.Entry(s, email == null ? SentReminder.NO_ADDRESS
                : SentReminder.SENT, email, mailId)));
        return entries;
    }

    private LocalDate today() {
        return ExpiryRules.today(clock.instant(), settings.current().timeZone());
    }

    /** The grace days of the rules an enrollment is judged by, read once per program version. */
    private int graceDays(Map<String, Integer> known, Candidate e) {
        if (e.status() != CertificationStatus.ACTIVE) {
            return 0;
        }
        return known.computeIfAbsent(e.programId() + "/" + e.ruleVersion(),
                k -> programs.rules(e.programId(), e.ruleVersion()).options().gracePeriodDays());
    }

    private static Optional<Candidate> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, program_id, rule_version, status, expires_on,"
                + " version FROM enrollment_summary WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(candidate(rs)) : Optional.empty();
            }
        }
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        return new Candidate(rs.getLong(1), rs.getLong(2), rs.getInt(3), CertificationStatus.valueOf(rs.getString(4)),
                rs.getObject(5, LocalDate.class), rs.getLong(6));
    }
}
