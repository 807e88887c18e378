package org.certportal.enrollments.internal;

import org.certportal.programs.testing.FakePrograms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.certportal.audit.api.AuditRecord;
import org.certportal.audit.internal.AuditLogImpl;
import org.certportal.audit.internal.AuditPermissionProvider;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.RequirementState;
import org.certportal.enrollments.internal.process.CheckerAccess;
import org.certportal.enrollments.internal.process.ConsistencyChecker;
import org.certportal.mail.internal.MailOutboxImpl;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.persistence.testing.TestJpa;
import org.certportal.process.api.ProcessParameters;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.RowContext;
import org.certportal.process.api.RowOutcome;
import org.certportal.process.api.RowResult;
import org.certportal.process.api.RowState;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.RunState;
import org.certportal.process.internal.ProcessHarness;
import org.certportal.process.internal.ProcessPermissionProvider;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Caller;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.certportal.settings.api.OrganisationSettings;
import org.certportal.settings.api.SettingsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The consistency checker in the real process engine, on H2 and on the throwaway PostgreSQL: real
 * migrations, audit log and mail outbox, programs faked through their API, and an organisation in
 * Berlin where it is already 15 June while UTC still has the 14th.
 */
class ConsistencyCheckerIT {
    private static final String ID = "enrollments-consistency";
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final LocalDate YESTERDAY = TODAY.minusDays(1);
    private static final LocalDate EARNED = LocalDate.of(2025, 5, 1);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-14T23:00:00Z"), ZoneOffset.UTC);
    private static final long PLAIN = 1, REVIEWED = 2;

    private DataSource ds;
    private TestJpa jpa;
    private TestSecurity security;
    private AuditLogImpl audit;
    private FakePrograms programs;
    private EnrollmentServiceImpl enrollments;
    private ConsistencyChecker checker;
    private ProcessHarness engine;
    private ProcessService processes;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private void start(String db) throws SQLException {
        ds = TestDatabases.fresh(db);
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(ds);
        security = new TestSecurity(new EnrollmentPermissionProvider(), new ProcessPermissionProvider(),
                new AuditPermissionProvider()).as(Role.CERTIFICATION_ADMIN);
        audit = new AuditLogImpl(security, migrator, ds);
        jpa = new TestJpa("certportal-enrollments", ds);
        programs = new FakePrograms();
        programs.add(PLAIN, "PLAIN", options(false));
        programs.add(REVIEWED, "REV", options(true));
        enrollments = new EnrollmentServiceImpl(jpa, security, migrator, audit, programs, CLOCK);
        enrollments.settings = new Berlin();
        checker = new ConsistencyChecker(security, enrollments, programs, audit, CLOCK);
        engine = new ProcessHarness(security, migrator, ds, audit,
                MailOutboxImpl.migrating(security, migrator, ds, audit),
                CLOCK, 3).add(checker);
        processes = engine.service();
        insert(1, PLAIN, CertificationStatus.ACTIVE, LocalDate.of(2026, 6, 1), EARNED);
        insert(2, PLAIN, CertificationStatus.ACTIVE, YESTERDAY, EARNED); // → EXPIRED (not yet in UTC)
        insert(3, PLAIN, CertificationStatus.ACTIVE, TODAY, EARNED);
        insert(4, PLAIN, CertificationStatus.ACTIVE, LocalDate.of(2026, 1, 1), null); // → IN_PROGRESS
        insert(5, PLAIN, CertificationStatus.IN_PROGRESS, YESTERDAY, null); // → EXPIRED
        insert(6, PLAIN, CertificationStatus.IN_PROGRESS, TODAY, null);
        insert(7, PLAIN, CertificationStatus.IN_PROGRESS, EARNED.plusMonths(24), EARNED); // → ACTIVE
        insert(8, REVIEWED, CertificationStatus.IN_PROGRESS, EARNED.plusMonths(24), EARNED); // → ADMIN_REVIEW
        insert(9, PLAIN, CertificationStatus.APPLIED, EARNED.plusMonths(24), EARNED); // found, left for a person
        insert(10, PLAIN, CertificationStatus.APPLIED, YESTERDAY, null);
        insert(11, PLAIN, CertificationStatus.CANCELLED, YESTERDAY, EARNED);
        insert(12, PLAIN, CertificationStatus.EXPIRED, YESTERDAY, null);
        insert(13, REVIEWED, CertificationStatus.ACTIVE, LocalDate.of(2025, 1, 1), EARNED.minusYears(2)); // → EXPIRED
        insert(14, PLAIN, CertificationStatus.IN_PROGRESS, LocalDate.of(2026, 2, 1), null);
    }

    @AfterEach
    void close() {
        if (jpa != null) {
            jpa.close();
        }
    }

    private static ProgramOptions options(boolean adminReview) {
        return new ProgramOptions(false, false, false, false, adminReview, 24, 12, 30, BigDecimal.ZERO,
                RecertificationBasis.COMPLETION_DATE, null);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void reportOnlyFindsExactlyTheInconsistentEnrollmentsAndChangesNothing(String db) throws Exception {
        start(db);
        assertEquals(TODAY, enrollments.today(), "the organisation's day, not UTC's");
        String before = fingerprint();

        ProcessRun run = run(Map.of(), RunOptions.run());

        assertEquals(RunState.COMPLETED, run.state());
        assertEquals(List.of("enrollment:2", "enrollment:4", "enrollment:5", "enrollment:7", "enrollment:8",
                "enrollment:9", "enrollment:13"), keys(run.id(), null));
        assertEquals(inconsistentByTheRules(), new TreeSet<>(keys(run.id(), null)),
                "the SQL finds what the rules say, no more, no less");
        assertEquals(6, run.done());
        assertEquals(List.of("enrollment:9"), keys(run.id(), RowState.SKIPPED));
        assertEquals(before, fingerprint(), "nothing changed");
        assertEquals(0, audited());
        assertEquals("status IN_PROGRESS → EXPIRED: expired on 2025-06-14 (reported only)", message(run.id(), 3));
        assertTrue(message(run.id(), 6).endsWith("a person decides."), message(run.id(), 6));

        String csv = engine.file(run.id(), "inconsistencies.csv");
        assertEquals(8, csv.split("\r\n").length, csv);
        assertTrue(csv.startsWith("enrollment,contact,program,stored status,expected status,reason,action\r\n"
                + "2,1002,PLAIN,ACTIVE,EXPIRED,the certification expired on 2025-06-14,reported\r\n"), csv);
        assertTrue(csv.contains("8,1008,REV,IN_PROGRESS,ADMIN_REVIEW,earned on 2025-05-01 but in progress,reported\r\n"),
                csv);
        assertTrue(csv.contains("9,1009,PLAIN,APPLIED,ACTIVE,earned on 2025-05-01 but applied,left for a person\r\n"),
                csv);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void fixCorrectsThemWithAnAuditEntryEachAndASecondRunFindsNothingToCorrect(String db) throws Exception {
        start(db);
        String before = fingerprint();
        ProcessRun preview = run(Map.of("fix", "true"), RunOptions.preview());
        assertEquals(6, preview.done());
        assertEquals(before, fingerprint(), "a dry run changes nothing");
        assertTrue(engine.file(preview.id(), "inconsistencies.csv").contains(",would correct\r\n"));

        ProcessRun fix = run(Map.of("fix", "true"), RunOptions.run());

        assertEquals(RunState.COMPLETED, fix.state());
        assertEquals(6, fix.done());
        assertEquals(1, fix.skipped());
        assertEquals("status ACTIVE → IN_PROGRESS: active without an earned date", message(fix.id(), 2));
        Map<Long, CertificationStatus> expected = Map.ofEntries(Map.entry(1L, CertificationStatus.ACTIVE),
                Map.entry(2L, CertificationStatus.EXPIRED), Map.entry(3L, CertificationStatus.ACTIVE),
                Map.entry(4L, CertificationStatus.IN_PROGRESS), Map.entry(5L, CertificationStatus.EXPIRED),
                Map.entry(6L, CertificationStatus.IN_PROGRESS), Map.entry(7L, CertificationStatus.ACTIVE),
                Map.entry(8L, CertificationStatus.ADMIN_REVIEW), Map.entry(9L, CertificationStatus.APPLIED),
                Map.entry(10L, CertificationStatus.APPLIED), Map.entry(11L, CertificationStatus.CANCELLED),
                Map.entry(12L, CertificationStatus.EXPIRED), Map.entry(13L, CertificationStatus.EXPIRED),
                Map.entry(14L, CertificationStatus.IN_PROGRESS));
        for (Enrollment e : all()) {
            assertEquals(expected.get(e.id()), e.status(), "enrollment " + e.id());
            assertEquals(Set.of(2L, 4L, 5L, 7L, 8L, 13L).contains(e.id()) ? 1 : 0, e.version(), "enrollment " + e.id());
        }
        assertEquals(6, audited());
        security.as(Role.SYSADMIN);
        AuditRecord entry = audit.search("enrollment", "5", null, PageRequest.first(5)).items().get(0);
        security.as(Role.CERTIFICATION_ADMIN);
        assertEquals("status expired", entry.action());
        assertEquals("certadmin-user", entry.actor(), "the user who started the run");
        assertTrue(entry.changes().contains("status: IN_PROGRESS → EXPIRED"), entry.changes());
        assertTrue(entry.changes().contains("reason: ∅ → Consistency check: expired on 2025-06-14"), entry.changes());
        assertTrue(engine.file(fix.id(), "inconsistencies.csv").contains("5,1005,PLAIN,IN_PROGRESS,EXPIRED,expired on"
                + " 2025-06-14,corrected\r\n"));

        ProcessRun again = run(Map.of("fix", "true"), RunOptions.run());
        assertEquals(0, again.done(), "nothing left to correct");
        assertEquals(List.of("enrollment:9"), keys(again.id(), null), "only what a person decides");
        assertEquals(6, audited());

        // a row whose enrollment became consistent before its turn (a resumed run) is skipped
        try (Connection c = ds.getConnection()) {
            assertEquals(RowOutcome.skipped("Consistent now: status EXPIRED."), checker.process(new Row(c),
                    "enrollment:5", false));
            assertEquals(RowOutcome.skipped("Enrollment 99 no longer exists."), checker.process(new Row(c),
                    "enrollment:99", false));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eachCorrectionGoesThroughTheOneDoorAndIsAuditedExactlyOnceNamingTheRun(String db) throws Exception {
        start(db);
        ProcessRun fix = run(Map.of("fix", "true"), RunOptions.run());
        run(Map.of("fix", "true"), RunOptions.run());

        for (long id : List.of(2L, 4L, 5L, 7L, 8L, 13L)) {
            security.as(Role.SYSADMIN);
            List<AuditRecord> entries = audit.search("enrollment", String.valueOf(id), null, PageRequest.first(5))
                    .items();
            security.as(Role.CERTIFICATION_ADMIN);
            assertEquals(1, entries.size(), "enrollment " + id);
            assertTrue(entries.get(0).changes().contains("source: ∅ → consistency check run " + fix.id()),
                    entries.get(0).changes());
        }
        assertEquals(6, audited(), "nothing else, and nothing of the second run");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aProgramCodeNarrowsTheCheckToThatProgramAndMustExist(String db) throws Exception {
        start(db);
        ProcessRun run = run(Map.of("program", "REV", "fix", "yes"), RunOptions.run());
        assertEquals(List.of("enrollment:8", "enrollment:13"), keys(run.id(), null));
        assertEquals("REV", run.scope());
        assertEquals(CertificationStatus.ADMIN_REVIEW, enrollments.find(8).orElseThrow().status());
        assertEquals(CertificationStatus.ACTIVE, enrollments.find(2).orElseThrow().status(), "another program's");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> processes.start(ID, Map.of("program", "NOPE"), RunOptions.run()));
        assertEquals("There is no program with the code 'NOPE'.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> processes.start(ID, Map.of("fix", "maybe"),
                RunOptions.run()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onlyCertificationAdminsAndUpMayRunIt(String db) throws Exception {
        start(db);
        security.as(Role.STAFF);
        assertThrows(AccessDeniedException.class, () -> processes.start(ID, Map.of("fix", "true"), RunOptions.run()));
        assertThrows(AccessDeniedException.class, () -> checker.select(ProcessParameters.of(Map.of()), null));
        security.as(Role.CERTIFICATION_ADMIN);
        assertEquals(0, engine.runUntilIdle(), "nothing was queued");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void everyRequirementCompleteMeansEarnedWhenTheCompletionsFeatureRecordsThem(String db) throws Exception {
        start(db);
        RequirementState complete = new RequirementState(RequirementState.COMPLETE, LocalDate.of(2025, 3, 1), null);
        RequirementState last = new RequirementState(RequirementState.COMPLETE, LocalDate.of(2025, 5, 20), "A");
        // program PLAIN's requirements are 11, 12 and 13; enrollment 6 lacks one
        CheckerAccess.progress(checker, id -> id == 14 ? Map.of(11L, complete, 12L, last, 13L, complete)
                : id == 6 ? Map.of(11L, complete, 12L, last) : Map.of());

        ProcessRun run = run(Map.of("fix", "true"), RunOptions.run());

        assertTrue(keys(run.id(), null).contains("enrollment:14"));
        assertEquals(8, run.total());
        Enrollment earned = enrollments.find(14).orElseThrow();
        assertEquals(CertificationStatus.ACTIVE, earned.status());
        assertEquals(LocalDate.of(2025, 5, 20), earned.earnedOn());
        assertEquals(LocalDate.of(2027, 5, 20), earned.expiresOn());
        assertEquals(CertificationStatus.IN_PROGRESS, enrollments.find(6).orElseThrow().status());
        assertEquals(1, run(Map.of("fix", "true"), RunOptions.run()).total(), "only enrollment 9 is left");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCertificationWithAFeeIsNeverMadeActiveByTheChecker(String db) throws Exception {
        start(db);
        long fee = 3;
        programs.add(fee, "FEE", options(false).withFee(new BigDecimal("150.00"), "CAD"));
        insert(15, fee, CertificationStatus.IN_PROGRESS, LocalDate.of(2026, 2, 1), null); // met, never ordered
        insert(16, fee, CertificationStatus.AWAITING_PAYMENT, LocalDate.of(2026, 2, 1), null); // its order is open
        RequirementState complete = new RequirementState(RequirementState.COMPLETE, LocalDate.of(2025, 5, 20), null);
        CheckerAccess.progress(checker, id -> id == 15 || id == 16 ? Map.of(31L, complete, 32L, complete, 33L,
                complete) : Map.of());

        ProcessRun run = run(Map.of("program", "FEE", "fix", "true"), RunOptions.run());

        assertEquals(List.of("enrollment:15"), keys(run.id(), null), "the one awaiting payment is not a suspect");
        Enrollment met = enrollments.find(15).orElseThrow();
        assertEquals(CertificationStatus.AWAITING_PAYMENT, met.status(), "the fee is due, not waived");
        assertEquals(null, met.earnedOn(), "only the payment earns it");
        Enrollment waiting = enrollments.find(16).orElseThrow();
        assertEquals(CertificationStatus.AWAITING_PAYMENT, waiting.status());
        assertEquals(0, run(Map.of("program", "FEE", "fix", "true"), RunOptions.run()).total());
    }

    private ProcessRun run(Map<String, String> parameters, RunOptions options) throws SQLException {
        long id = processes.start(ID, parameters, options);
        engine.runUntilIdle();
        return processes.run(id).orElseThrow();
    }

    private List<String> keys(long runId, RowState state) {
        return processes.rows(runId, state, PageRequest.first(100)).items().stream().map(RowResult::key).toList();
    }

    private String message(long runId, long seq) {
        return processes.rows(runId, null, new PageRequest((int) seq - 1, 1, null, true)).items().get(0).message();
    }

    /** What the rules alone say, enrollment by enrollment, without requirements. */
    private Set<String> inconsistentByTheRules() throws SQLException {
        return all().stream().filter(e -> ConsistencyRules.check(e, TODAY, programs.rules(e.programId(),
                e.ruleVersion()).options(), null).isPresent()).map(e -> "enrollment:" + e.id())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private List<Enrollment> all() throws SQLException {
        try (Connection c = ds.getConnection()) {
            List<Long> ids = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM enrollment")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            List<Enrollment> all = new ArrayList<>(EnrollmentQueries.byIds(c, ids));
            all.sort(java.util.Comparator.comparingLong(Enrollment::id));
            return all;
        }
    }

    private String fingerprint() throws SQLException {
        return all().stream().map(Enrollment::toString).collect(Collectors.joining("\n"));
    }

    private long audited() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'enrollment'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void insert(long id, long programId, CertificationStatus status, LocalDate expiresOn, LocalDate earnedOn)
            throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO enrollment (id,"
                + " contact_id, program_id, rule_version, cycle, enrolled_on, grace_period_begins, expires_on, earned_on,"
                + " status, status_changed_at, version) VALUES (?, ?, ?, 1, 1, ?, ?, ?, ?, ?, ?, 0)")) {
            s.setLong(1, id);
            s.setLong(2, 1000 + id);
            s.setLong(3, programId);
            s.setObject(4, LocalDate.of(2023, 1, 10));
            s.setObject(5, LocalDate.of(2024, 1, 10));
            s.setObject(6, expiresOn);
            s.setObject(7, earnedOn);
            s.setString(8, status.name());
            s.setTimestamp(9, Timestamp.valueOf("2024-01-10 09:00:00"));
            s.executeUpdate();
        }
    }

    /** A row of a fix run, outside the engine, on the given connection. */
    private final class Row implements RowContext {
        private final Connection connection;

        Row(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public long runId() {
            return 0;
        }

        @Override
        public ProcessParameters parameters() {
            return ProcessParameters.of(Map.of("fix", "true"));
        }

        @Override
        public Caller startedBy() {
            return security.currentCaller().orElseThrow();
        }

        @Override
        public void update(String sql, Object... values) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void write(String resultFile, Object... values) {
            throw new UnsupportedOperationException("a skipped row writes nothing");
        }
    }

    /** The organisation in Berlin. */
    private static final class Berlin implements SettingsService {
        @Override
        public OrganisationSettings current() {
            OrganisationSettings d = OrganisationSettings.defaults();
            return new OrganisationSettings(ZoneId.of("Europe/Berlin"), d.expiringNoticeDays(), d.maxUploadBytes(),
                    d.uploadTypes());
        }

        @Override
        public OrganisationSettings update(OrganisationSettings settings) {
            throw new UnsupportedOperationException();
        }
    }
}
