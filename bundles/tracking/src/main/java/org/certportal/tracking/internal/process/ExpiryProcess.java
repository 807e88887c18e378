package org.certportal.tracking.internal.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.enrollments.api.StatusChange;
import org.certportal.enrollments.api.StatusChangeResult;
import org.certportal.process.api.ProcessParameters;
import org.certportal.process.api.ProcessType;
import org.certportal.process.api.RowContext;
import org.certportal.process.api.RowOutcome;
import org.certportal.process.api.SelectionContext;
import org.certportal.programs.api.ProgramService;
import org.certportal.security.api.SecurityService;
import org.certportal.settings.api.SettingsService;
import org.certportal.tracking.api.TrackingPermissions;
import org.certportal.tracking.internal.ExpiryRules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The daily expiry: every Active certification past its expiration date and its program's grace period,
 * and every enrollment never earned past its expiration date, becomes Expired, through the enrollments'
 * one status door (checked by the status rules, audited once, with the run). It works from the stored
 * status and today, so a second run the same day finds nothing, and one run after days of downtime
 * catches up with all of them. Expiring is never stored: the Tracking page shows it from the dates.
 */
@Component(service = {ProcessType.class, ExpiryProcess.class})
public class ExpiryProcess implements ProcessType {
    public static final String ID = "tracking-expiry";
    static final String KEY = "enrollment:";
    private final SecurityService security;
    private final EnrollmentService enrollments;
    private final ProgramService programs;
    private final SettingsService settings;
    private final Clock clock;

    @Activate
    public ExpiryProcess(@Reference SecurityService security, @Reference EnrollmentService enrollments,
            @Reference ProgramService programs, @Reference SettingsService settings) {
        this(security, enrollments, programs, settings, Clock.systemUTC());
    }

    /** With the clock that says what day it is (tests). */
    public ExpiryProcess(SecurityService security, EnrollmentService enrollments, ProgramService programs,
            SettingsService settings, Clock clock) {
        this.security = security;
        this.enrollments = enrollments;
        this.programs = programs;
        this.settings = settings;
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
                + " their expiration date, to Expired. Runs daily; a second run the same day changes nothing.";
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
                        selection.add(KEY + e.id());
                    }
                }
            }
        }
    }

    @Override
    public RowOutcome process(RowContext row, String key, boolean dryRun) throws SQLException {
        long id = Long.parseLong(key.substring(KEY.length()));
        Optional<Candidate> stored = find(row.connection(), id);
        if (stored.isEmpty()) {
            return RowOutcome.skipped("Enrollment " + id + " no longer exists.");
        }
        Candidate e = stored.get();
        LocalDate today = today();
        int graceDays = graceDays(new HashMap<>(), e);
        if (!ExpiryRules.expiryDue(e.status(), e.expiresOn(), graceDays, today)) {
            return RowOutcome.skipped("Not due any more: " + e.status().title() + ", expires " + e.expiresOn() + ".");
        }
        String why = "Expired: " + (e.status() == CertificationStatus.ACTIVE ? "the certification expired on "
                + e.expiresOn() + " and its grace period ended on "
                + ExpiryRules.lastValidDay(e.status(), e.expiresOn(), graceDays)
                : "not earned by the expiration date " + e.expiresOn()) + ".";
        String diff = e.status().title() + " → " + CertificationStatus.EXPIRED.title() + ": " + why;
        if (dryRun) {
            return RowOutcome.done(diff);
        }
        StatusChangeResult result = enrollments.changeStatus(row.connection(), List.of(new StatusChange(id,
                e.version(), CertificationStatus.EXPIRED, why, null)), "tracking expiry run " + row.runId());
        if (!result.refused().isEmpty()) {
            return RowOutcome.skipped("Refused: " + result.refused().get(0).reason());
        }
        return RowOutcome.done(diff);
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
