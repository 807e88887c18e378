package org.certportal.programs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.certportal.audit.internal.AuditLogImpl;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.persistence.testing.TestJpa;
import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.Offering;
import org.certportal.programs.api.OfferingDraft;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramDraft;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramRules;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RequirementDraft;
import org.certportal.programs.api.RequirementKind;
import org.certportal.programs.api.RuleChangeImpact;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The program service on a fresh database each (H2, and the build's throwaway PostgreSQL), with
 * the real migrator and audit log, a test caller, and a fake enrollments bundle.
 */
class ProgramServiceIT {
    private DataSource ds;
    private TestJpa jpa;
    private TestSecurity security;
    private ProgramServiceImpl programs;
    /** the fake enrollments bundle: current enrollees per "programId/ruleVersion" */
    private final Map<String, Long> enrollees = new HashMap<>();

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private void start(String db) throws SQLException {
        ds = TestDatabases.fresh(db);
        security = new TestSecurity(new ProgramPermissionProvider()).as(Role.CERTIFICATION_ADMIN);
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(ds);
        AuditLogImpl audit = new AuditLogImpl(security, migrator, ds);
        jpa = new TestJpa("certportal-programs", ds);
        programs = new ProgramServiceImpl(jpa, security, migrator, audit);
        programs.usage = (programId, version) -> enrollees.getOrDefault(programId + "/" + version, 0L);
    }

    @AfterEach
    void close() {
        if (jpa != null) {
            jpa.close();
        }
    }

    private static ProgramOptions options(int validityMonths, boolean maintenance) {
        return new ProgramOptions(false, true, false, maintenance, false, validityMonths, 12, 30,
                new BigDecimal("25.00"), RecertificationBasis.COMPLETION_DATE, null);
    }

    private static ProgramDraft draft(String code, String name) {
        return new ProgramDraft(code, name, "About " + name, options(24, false));
    }

    private static RequirementDraft course(String title) {
        return new RequirementDraft(title, RequirementKind.COURSE, GradeType.PASS_FAIL, null, false, null);
    }

    private static RequirementDraft exam(String title, String minimum) {
        return new RequirementDraft(title, RequirementKind.EXAM, GradeType.NUMERIC, new BigDecimal(minimum), true, null);
    }

    private Program program(long id) {
        return programs.find(id).orElseThrow();
    }

    private static List<String> titles(Program p) {
        return p.requirements().stream().map(Requirement::title).toList();
    }

    private static List<String> titles(ProgramRules r) {
        return r.requirements().stream().map(Requirement::title).toList();
    }

    private long count(String sql, Object... args) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long audits(long programId, String action) throws SQLException {
        return count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'program' AND entity_id = ? AND action = ?",
                String.valueOf(programId), action);
    }

    private long allAudits() throws SQLException {
        return count("SELECT COUNT(*) FROM audit_entry");
    }

    /** Runs the refused call and checks that it changed nothing the caller can see. */
    private <T extends Throwable> T refusedAndUnchanged(Class<T> type, long programId, Executable call)
            throws SQLException {
        Program before = programId == 0 ? null : program(programId);
        long programsBefore = count("SELECT COUNT(*) FROM program");
        long auditsBefore = allAudits();
        long versionsBefore = count("SELECT COUNT(*) FROM program_rule_version");
        T e = assertThrows(type, call);
        // look as someone who may read everything, whoever was refused
        security.as(Role.CERTIFICATION_ADMIN);
        if (before != null) {
            assertEquals(before, program(programId), "unchanged");
        }
        assertEquals(programsBefore, count("SELECT COUNT(*) FROM program"));
        assertEquals(auditsBefore, allAudits(), "nothing audited");
        assertEquals(versionsBefore, count("SELECT COUNT(*) FROM program_rule_version"));
        return e;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void createsAndFindsAProgramAsDraftWithRuleVersionOne(String db) throws Exception {
        start(db);
        Program p = programs.create(new ProgramDraft(" cpa-2026 ", " Certified Auditor ", null,
                new ProgramOptions(true, true, true, true, true, 36, 18, 45, new BigDecimal("99.9"),
                        RecertificationBasis.FIXED_DATE, MonthDay.of(2, 29))));
        assertEquals("cpa-2026", p.code());
        assertEquals("Certified Auditor", p.name());
        assertEquals(ProgramStatus.DRAFT, p.status());
        assertEquals(1, p.ruleVersion());
        assertEquals(new BigDecimal("99.90"), p.options().fee());
        assertEquals(MonthDay.of(2, 29), p.options().fixedRecertificationDay());
        assertEquals(p, program(p.id()));
        assertEquals(p, programs.findByCode("CPA-2026").orElseThrow(), "codes are found in any case");
        assertTrue(programs.findByCode("CPA-2027").isEmpty());
        assertTrue(programs.find(p.id() + 1000).isEmpty());
        ProgramRules rules = programs.rules(p.id(), 1);
        assertEquals(p.options(), rules.options());
        assertEquals(List.of(), rules.requirements());
        assertEquals(1, audits(p.id(), "created"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void badInputIsRefusedAndChangesNothing(String db) throws Exception {
        start(db);
        refusedAndUnchanged(IllegalArgumentException.class, 0, () -> programs.create(draft("X", "Too short a code")));
        long id = programs.create(draft("AUD-1", "Auditor")).id();
        long version = program(id).version();
        IllegalArgumentException e = refusedAndUnchanged(IllegalArgumentException.class, id,
                () -> programs.update(id, version, new ProgramDraft("AUD-1", "Auditor", null,
                        new ProgramOptions(false, false, false, false, false, 24, 0, 30, BigDecimal.ZERO, null, null))));
        assertEquals("Completion deadline (months) must be between 1 and 600: 0.", e.getMessage());
        refusedAndUnchanged(IllegalArgumentException.class, id,
                () -> programs.addRequirement(id, new RequirementDraft("CE", RequirementKind.EDUCATION_CREDITS,
                        GradeType.NONE, null, false, null)));
        refusedAndUnchanged(IllegalArgumentException.class, id, () -> programs.addRequirement(id + 999, course("C")));
        long req = programs.addRequirement(id, course("Ethics")).id();
        refusedAndUnchanged(IllegalArgumentException.class, id, () -> programs.updateRequirement(req, course(" ")));
        refusedAndUnchanged(IllegalArgumentException.class, id, () -> programs.moveRequirement(req, 2));
        refusedAndUnchanged(IllegalArgumentException.class, id, () -> programs.addOffering(req,
                new OfferingDraft(" ", null, null)));
        refusedAndUnchanged(IllegalArgumentException.class, id, () -> programs.removeOffering(12345));
        assertThrows(IllegalArgumentException.class,
                () -> programs.search(null, null, PageRequest.first(10).sortedBy("fee", true)));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void codesAreUniqueIgnoringCase(String db) throws Exception {
        start(db);
        programs.create(draft("CPA-2026", "Auditor"));
        IllegalArgumentException e = refusedAndUnchanged(IllegalArgumentException.class, 0,
                () -> programs.create(draft("cpa-2026", "Another")));
        assertEquals("Another program already has the code 'cpa-2026' (codes are compared ignoring case).",
                e.getMessage());
        Program other = programs.create(draft("CPA-2027", "Other"));
        refusedAndUnchanged(IllegalArgumentException.class, other.id(),
                () -> programs.update(other.id(), other.version(), draft("Cpa-2026", "Other")));
        // a program keeps its own code when it changes its case
        assertEquals("cpa-2027", programs.update(other.id(), other.version(), draft("cpa-2027", "Other")).code());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStaleVersionIsAConflict(String db) throws Exception {
        start(db);
        Program p = programs.create(draft("AUD-1", "Auditor"));
        Program renamed = programs.update(p.id(), p.version(), draft("AUD-1", "Auditor II"));
        assertTrue(renamed.version() > p.version());
        refusedAndUnchanged(ConcurrentModificationException.class, p.id(),
                () -> programs.update(p.id(), p.version(), draft("AUD-1", "Auditor III")));
        programs.addRequirement(p.id(), course("Ethics"));
        refusedAndUnchanged(ConcurrentModificationException.class, p.id(),
                () -> programs.changeStatus(p.id(), p.version(), ProgramStatus.ACTIVE));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void requirementsKeepTheirOrderThroughMovesAndRemovals(String db) throws Exception {
        start(db);
        long id = programs.create(draft("AUD-1", "Auditor")).id();
        Requirement a = programs.addRequirement(id, course("A"));
        Requirement b = programs.addRequirement(id, exam("B", "70"));
        Requirement c = programs.addRequirement(id, new RequirementDraft("C", RequirementKind.EDUCATION_CREDITS,
                GradeType.NONE, null, false, new BigDecimal("40")));
        assertEquals(List.of(1, 2, 3), List.of(a.position(), b.position(), c.position()));
        assertEquals(new BigDecimal("40.00"), c.creditAmount());
        programs.moveRequirement(c.id(), -1);
        assertEquals(List.of("A", "C", "B"), titles(program(id)));
        programs.moveRequirement(a.id(), 1);
        assertEquals(List.of("C", "A", "B"), titles(program(id)));
        assertEquals("The requirement is already the first one.", refusedAndUnchanged(
                IllegalArgumentException.class, id, () -> programs.moveRequirement(c.id(), -1)).getMessage());
        assertEquals("The requirement is already the last one.", refusedAndUnchanged(
                IllegalArgumentException.class, id, () -> programs.moveRequirement(b.id(), 1)).getMessage());
        programs.removeRequirement(a.id());
        Program p = program(id);
        assertEquals(List.of("C", "B"), titles(p));
        assertEquals(List.of(1, 2), p.requirements().stream().map(Requirement::position).toList());
        refusedAndUnchanged(IllegalArgumentException.class, id, () -> programs.moveRequirement(a.id(), 1));
        Requirement updated = programs.updateRequirement(b.id(), exam("B2", "75.5"));
        assertEquals(2, updated.position());
        assertEquals(new BigDecimal("75.50"), program(id).requirements().get(1).minimumGrade());
        assertEquals(3, audits(id, "requirement added"));
        assertEquals(2, audits(id, "requirement moved"));
        assertEquals(1, audits(id, "requirement removed"));
        assertEquals(1, audits(id, "requirement updated"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void statusesFollowTheRulesAndRetiredIsFinal(String db) throws Exception {
        start(db);
        Program p = programs.create(draft("AUD-1", "Auditor"));
        assertEquals("A program needs at least one requirement before it can become active.",
                refusedAndUnchanged(IllegalArgumentException.class, p.id(),
                        () -> programs.changeStatus(p.id(), p.version(), ProgramStatus.ACTIVE)).getMessage());
        Requirement only = programs.addRequirement(p.id(), course("Ethics"));
        Program active = programs.changeStatus(p.id(), program(p.id()).version(), ProgramStatus.ACTIVE);
        assertEquals(ProgramStatus.ACTIVE, active.status());
        refusedAndUnchanged(IllegalArgumentException.class, p.id(), () -> programs.removeRequirement(only.id()));
        refusedAndUnchanged(IllegalArgumentException.class, p.id(),
                () -> programs.changeStatus(p.id(), active.version(), ProgramStatus.DRAFT));
        Program inactive = programs.changeStatus(p.id(), active.version(), ProgramStatus.INACTIVE);
        Program again = programs.changeStatus(p.id(), inactive.version(), ProgramStatus.ACTIVE);
        Program retired = programs.changeStatus(p.id(), again.version(), ProgramStatus.RETIRED);
        assertEquals(ProgramStatus.RETIRED, retired.status());
        for (ProgramStatus s : ProgramStatus.values()) {
            refusedAndUnchanged(IllegalArgumentException.class, p.id(),
                    () -> programs.changeStatus(p.id(), retired.version(), s));
        }
        assertEquals("Program AUD-1 is retired and can no longer be changed.", refusedAndUnchanged(
                IllegalArgumentException.class, p.id(),
                () -> programs.update(p.id(), retired.version(), draft("AUD-1", "New name"))).getMessage());
        refusedAndUnchanged(IllegalArgumentException.class, p.id(), () -> programs.addRequirement(p.id(), course("X")));
        refusedAndUnchanged(IllegalArgumentException.class, p.id(), () -> programs.removeRequirement(only.id()));
        refusedAndUnchanged(IllegalArgumentException.class, p.id(),
                () -> programs.addOffering(only.id(), new OfferingDraft("Spring", null, null)));
        assertEquals(4, audits(p.id(), "status changed"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void staffReadButOnlyCertificationAdminsEditAndStrangersSeeNothing(String db) throws Exception {
        start(db);
        Program p = programs.create(draft("AUD-1", "Auditor"));
        Requirement r = programs.addRequirement(p.id(), course("Ethics"));
        long version = program(p.id()).version();

        security.as(Role.STAFF);
        assertEquals("Auditor", programs.find(p.id()).orElseThrow().name());
        assertEquals(1, programs.search("aud", null, PageRequest.first(10)).total());
        assertEquals(1, programs.rules(p.id(), 1).requirements().size());
        List<Executable> edits = List.of(() -> programs.create(draft("AUD-2", "Other")),
                () -> programs.update(p.id(), version, draft("AUD-1", "Renamed")),
                () -> programs.previewUpdate(p.id(), draft("AUD-1", "Renamed")),
                () -> programs.changeStatus(p.id(), version, ProgramStatus.ACTIVE),
                () -> programs.addRequirement(p.id(), course("More")),
                () -> programs.previewRequirementChange(p.id()),
                () -> programs.updateRequirement(r.id(), course("Ethics II")),
                () -> programs.moveRequirement(r.id(), 1), () -> programs.removeRequirement(r.id()),
                () -> programs.addOffering(r.id(), new OfferingDraft("Spring", null, null)));
        for (Executable edit : edits) {
            security.as(Role.STAFF);
            AccessDeniedException e = refusedAndUnchanged(AccessDeniedException.class, p.id(), edit);
            assertEquals("programs.edit", e.permission());
        }
        for (Consumer<TestSecurity> who : List.<Consumer<TestSecurity>>of(TestSecurity::anonymous,
                s -> s.as(Role.STUDENT_RECORDS))) {
            who.accept(security);
            assertThrows(AccessDeniedException.class, () -> programs.find(p.id()));
            who.accept(security);
            assertThrows(AccessDeniedException.class, () -> programs.search(null, null, PageRequest.first(5)));
            who.accept(security);
            assertThrows(AccessDeniedException.class, () -> programs.rules(p.id(), 1));
            who.accept(security);
            assertThrows(AccessDeniedException.class, () -> programs.findByCode("AUD-1"));
        }
        // the roles above a Certification Admin edit too
        security.as(Role.CERTIFICATION_MANAGER);
        programs.changeStatus(p.id(), version, ProgramStatus.ACTIVE);
        security.as(Role.SYSADMIN);
        assertEquals(ProgramStatus.ACTIVE, program(p.id()).status());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void withoutEnrolleesARuleChangeRewritesTheCurrentVersion(String db) throws Exception {
        start(db);
        Program p = programs.create(draft("AUD-1", "Auditor"));
        programs.addRequirement(p.id(), course("Ethics"));
        ProgramDraft longer = new ProgramDraft("AUD-1", "Auditor", null, options(36, false));
        assertEquals(new RuleChangeImpact(true, false, 1, 0), programs.previewUpdate(p.id(), longer));
        Program updated = programs.update(p.id(), program(p.id()).version(), longer);
        assertEquals(1, updated.ruleVersion());
        programs.addRequirement(p.id(), exam("Final", "70"));
        ProgramRules rules = programs.rules(p.id(), 1);
        assertEquals(36, rules.options().validityMonths());
        assertEquals(List.of("Ethics", "Final"), titles(rules));
        assertEquals(1, count("SELECT COUNT(*) FROM program_rule_version WHERE program_id = ?", p.id()));
        assertEquals(0, audits(p.id(), "rule version started"));
        // even without the enrollments bundle
        programs.usage = null;
        assertEquals(new RuleChangeImpact(true, false, 1, 0), programs.previewRequirementChange(p.id()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void withEnrolleesARuleChangeStartsANewVersionAndTheOldOneStaysFrozen(String db) throws Exception {
        start(db);
        Program p = programs.create(draft("AUD-1", "Auditor"));
        Requirement ethics = programs.addRequirement(p.id(), course("Ethics"));
        programs.addOffering(ethics.id(), new OfferingDraft("Spring class", LocalDate.of(2026, 4, 1), "Room 1"));
        Requirement exam = programs.addRequirement(p.id(), exam("Final", "70"));
        enrollees.put(p.id() + "/1", 3L);

        ProgramDraft longer = new ProgramDraft("AUD-1", "Auditor", null, options(36, false));
        RuleChangeImpact impact = programs.previewUpdate(p.id(), longer);
        assertEquals(new RuleChangeImpact(true, true, 1, 3), impact);
        assertEquals(1, program(p.id()).ruleVersion(), "a preview changes nothing");
        assertEquals(new RuleChangeImpact(true, true, 1, 3), programs.previewRequirementChange(p.id()));

        Program updated = programs.update(p.id(), program(p.id()).version(), longer);
        assertEquals(2, updated.ruleVersion());
        assertEquals(24, programs.rules(p.id(), 1).options().validityMonths());
        assertEquals(36, programs.rules(p.id(), 2).options().validityMonths());
        assertEquals(1, audits(p.id(), "rule version started"));

        // nobody on version 2 yet: further changes rewrite it, version 1 stays as it was
        assertEquals(new RuleChangeImpact(true, false, 2, 0), programs.previewRequirementChange(p.id()));
        programs.removeRequirement(ethics.id());
        programs.updateRequirement(exam.id(), exam("Final exam", "80"));
        assertEquals(2, program(p.id()).ruleVersion());
        ProgramRules v1 = programs.rules(p.id(), 1);
        ProgramRules v2 = programs.rules(p.id(), 2);
        assertEquals(List.of("Ethics", "Final"), titles(v1));
        assertEquals(List.of(ethics.id(), exam.id()), v1.requirements().stream().map(Requirement::id).toList(),
                "completions keep pointing at the same requirements");
        assertEquals(new BigDecimal("70.00"), v1.requirements().get(1).minimumGrade());
        assertEquals(List.of("Spring class"), v1.requirements().get(0).offerings().stream().map(Offering::title)
                .toList(), "a removed requirement's offerings stay readable for its old enrollees");
        assertEquals(List.of("Final exam"), titles(v2));
        assertEquals(1, v2.requirements().get(0).position());

        // once someone is on version 2, the next change starts version 3
        enrollees.put(p.id() + "/2", 1L);
        programs.moveRequirement(programs.addRequirement(p.id(), course("Intro")).id(), -1);
        assertEquals(3, program(p.id()).ruleVersion());
        assertEquals(List.of("Final exam"), titles(programs.rules(p.id(), 2)));
        assertEquals(List.of("Intro", "Final exam"), titles(programs.rules(p.id(), 3)));
        assertEquals(List.of("Intro", "Final exam"), titles(program(p.id())));
        assertEquals("Program AUD-1 has no rule version 4.",
                assertThrows(IllegalArgumentException.class, () -> programs.rules(p.id(), 4)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> programs.rules(p.id() + 999, 1));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void maintenanceNamesAndFeeAreNotRuleChangesAndReachEveryVersion(String db) throws Exception {
        start(db);
        Program p = programs.create(draft("AUD-1", "Auditor"));
        programs.addRequirement(p.id(), course("Ethics"));
        enrollees.put(p.id() + "/1", 5L);
        ProgramDraft maintenanceOn = new ProgramDraft("AUD-9", "Auditor renamed", "New words", options(24, true));
        assertEquals(new RuleChangeImpact(false, false, 1, 5), programs.previewUpdate(p.id(), maintenanceOn));
        Program on = programs.update(p.id(), program(p.id()).version(), maintenanceOn);
        assertEquals(1, on.ruleVersion());
        assertTrue(programs.rules(p.id(), 1).options().maintenance(), "current enrollees see the switch");

        ProgramOptions cheaper = new ProgramOptions(false, true, false, true, false, 24, 12, 30, BigDecimal.ZERO,
                RecertificationBasis.COMPLETION_DATE, null);
        Program free = programs.update(p.id(), on.version(), new ProgramDraft("AUD-9", "Auditor", null, cheaper));
        assertEquals(1, free.ruleVersion());
        assertEquals(new BigDecimal("0.00"), programs.rules(p.id(), 1).options().fee());

        // a real rule change, then the switch goes off: both versions report it off
        Program v2 = programs.update(p.id(), free.version(), new ProgramDraft("AUD-9", "Auditor", null,
                new ProgramOptions(true, true, false, true, false, 24, 12, 30, BigDecimal.ZERO,
                        RecertificationBasis.COMPLETION_DATE, null)));
        assertEquals(2, v2.ruleVersion());
        programs.update(p.id(), v2.version(), new ProgramDraft("AUD-9", "Auditor", null,
                v2.options().withMaintenance(false)));
        assertFalse(programs.rules(p.id(), 1).options().maintenance());
        assertFalse(programs.rules(p.id(), 2).options().maintenance());
        assertFalse(programs.rules(p.id(), 1).options().requiresApproval(), "version 1 keeps its rules");
        assertTrue(programs.rules(p.id(), 2).options().requiresApproval());
        assertEquals(2, program(p.id()).ruleVersion());
        // the status is always the program's own
        programs.changeStatus(p.id(), program(p.id()).version(), ProgramStatus.ACTIVE);
        assertEquals(ProgramStatus.ACTIVE, programs.rules(p.id(), 1).programStatus());
        // the related application is no rule either: switched on, no new version, and every version says so
        Program applying = programs.update(p.id(), program(p.id()).version(), new ProgramDraft("AUD-9", "Auditor",
                null, program(p.id()).options().withApplicationRequired(true)));
        assertEquals(2, applying.ruleVersion());
        assertTrue(applying.options().applicationRequired());
        assertTrue(programs.rules(p.id(), 1).options().applicationRequired());
        assertTrue(programs.find(p.id()).orElseThrow().options().applicationRequired(), "stored");
        // the fee's currency follows the program like the fee: no new version, every version sees it
        assertEquals("USD", applying.options().currency(), "programs that never chose one pay in USD");
        Program euros = programs.update(p.id(), applying.version(), new ProgramDraft("AUD-9", "Auditor", null,
                applying.options().withFee(new BigDecimal("80"), "eur")));
        assertEquals(2, euros.ruleVersion());
        assertEquals("EUR", programs.find(p.id()).orElseThrow().options().currency(), "stored in capitals");
        assertEquals(new BigDecimal("80.00"), programs.rules(p.id(), 1).options().fee());
        assertEquals("EUR", programs.rules(p.id(), 1).options().currency());
        assertFalse(programs.rules(p.id(), 1).options().isFree());
        assertEquals("Currency 'EURO' is no ISO 4217 code (such as USD, EUR, CAD).",
                assertThrows(IllegalArgumentException.class, () -> programs.update(p.id(), euros.version(),
                        new ProgramDraft("AUD-9", "Auditor", null, euros.options().withFee(BigDecimal.TEN, "EURO"))))
                        .getMessage());
        assertEquals("EUR", programs.find(p.id()).orElseThrow().options().currency(), "nothing changed");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void searchPagesFiltersAndSortsInTheDatabase(String db) throws Exception {
        start(db);
        for (int i = 1; i <= 12; i++) {
            Program p = programs.create(draft(String.format("CE-%02d", i), (i % 2 == 0 ? "Certified " : "Basic ") + i));
            for (int r = 0; r <= i % 4; r++) {
                programs.addRequirement(p.id(), course("R" + r));
            }
            if (i % 3 == 0) {
                programs.changeStatus(p.id(), program(p.id()).version(), ProgramStatus.ACTIVE);
            }
        }
        programs.create(draft("X-100", "100% online"));
        Page<ProgramSummary> all = programs.search(null, null, new PageRequest(0, 5, ProgramService.SORT_CODE, true));
        assertEquals(13, all.total());
        assertEquals(List.of("CE-01", "CE-02", "CE-03", "CE-04", "CE-05"),
                all.items().stream().map(ProgramSummary::code).toList());
        Page<ProgramSummary> last = programs.search("", null, new PageRequest(10, 5, ProgramService.SORT_CODE, true));
        assertEquals(List.of("CE-11", "CE-12", "X-100"), last.items().stream().map(ProgramSummary::code).toList());
        Page<ProgramSummary> certified = programs.search("CERT", null,
                new PageRequest(0, 100, ProgramService.SORT_CODE, false));
        assertEquals(6, certified.total());
        assertEquals("CE-12", certified.items().get(0).code());
        assertEquals(List.of(1, 3, 1, 3, 1, 3), certified.items().stream().map(ProgramSummary::requirementCount).toList());
        assertEquals(12, programs.search("ce-", null, PageRequest.first(1)).total(), "code prefix, any case");
        assertEquals(1, programs.search("x-100", null, PageRequest.first(10)).total());
        assertEquals(1, programs.search("100%", null, PageRequest.first(10)).total());
        assertEquals(0, programs.search("100_", null, PageRequest.first(10)).total(), "a wildcard matches itself only");
        assertEquals(0, programs.search("%", null, PageRequest.first(10)).total());
        Page<ProgramSummary> active = programs.search(null, ProgramStatus.ACTIVE, PageRequest.first(100));
        assertEquals(List.of("CE-03", "CE-06", "CE-09", "CE-12"),
                active.items().stream().map(ProgramSummary::code).sorted().toList());
        assertEquals(2, programs.search("basic", ProgramStatus.ACTIVE, PageRequest.first(100)).total());
        assertEquals(0, programs.search(null, ProgramStatus.RETIRED, PageRequest.first(100)).total());
        Page<ProgramSummary> byStatus = programs.search(null, null,
                new PageRequest(0, 1, ProgramService.SORT_STATUS, true));
        assertEquals(ProgramStatus.ACTIVE, byStatus.items().get(0).status());
        Page<ProgramSummary> byName = programs.search(null, null, PageRequest.first(2));
        assertEquals("100% online", byName.items().get(0).name());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void offeringsAreAddedAndRemovedWithoutTouchingTheRules(String db) throws Exception {
        start(db);
        Program p = programs.create(draft("AUD-1", "Auditor"));
        Requirement exam = programs.addRequirement(p.id(), exam("Final", "70"));
        enrollees.put(p.id() + "/1", 2L);
        Offering undated = programs.addOffering(exam.id(), new OfferingDraft("On request", null, null));
        Offering june = programs.addOffering(exam.id(), new OfferingDraft("June sitting", LocalDate.of(2026, 6, 1),
                " Hall A "));
        Offering may = programs.addOffering(exam.id(), new OfferingDraft("May sitting", LocalDate.of(2026, 5, 1), null));
        assertEquals("Hall A", june.location());
        assertEquals(List.of(may, june, undated), program(p.id()).requirements().get(0).offerings());
        programs.removeOffering(june.id());
        assertEquals(List.of(may, undated), programs.rules(p.id(), 1).requirements().get(0).offerings());
        assertEquals(1, program(p.id()).ruleVersion(), "offerings are not rules");
        assertEquals(3, audits(p.id(), "offering added"));
        assertEquals(1, audits(p.id(), "offering removed"));
        refusedAndUnchanged(IllegalArgumentException.class, p.id(), () -> programs.removeOffering(june.id()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void demoProgramsAreCreatedActiveThroughTheService(String db) throws Exception {
        start(db);
        ProgramsDemoData demo = new ProgramsDemoData(programs);
        assertEquals("Created 5 demo programs, all active", demo.generate(demo.smallCount(), 42));
        Page<ProgramSummary> all = programs.search("demo42-", ProgramStatus.ACTIVE, PageRequest.first(10));
        assertEquals(5, all.total());
        List<DemoPrograms.DemoProgram> expected = DemoPrograms.generate(5, 42, LocalDate.now());
        for (int i = 0; i < 5; i++) {
            Program p = programs.findByCode("DEMO42-" + (i + 1)).orElseThrow();
            assertEquals(expected.get(i).program().name(), p.name());
            assertEquals(expected.get(i).requirements().size(), p.requirements().size());
            assertEquals(expected.get(i).offerings().stream().mapToInt(List::size).sum(),
                    p.requirements().stream().mapToInt(r -> r.offerings().size()).sum());
        }
        security.as(Role.STAFF);
        assertThrows(AccessDeniedException.class, () -> demo.generate(1, 43));
    }
}
