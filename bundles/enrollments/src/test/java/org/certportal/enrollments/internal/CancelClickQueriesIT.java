package org.certportal.enrollments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.certportal.audit.internal.AuditLogImpl;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentDetails;
import org.certportal.enrollments.api.RequirementState;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.persistence.testing.TestJpa;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.programs.testing.FakePrograms;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.certportal.settings.api.OrganisationSettings;
import org.certportal.settings.api.SettingsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What one click on "Cancel enrollment" costs: the calls the enrollment panel makes, counted at the
 * JDBC driver (statements and transactions of this unit and the audit log) and at the services the
 * click reads through (program rules, organisation settings, requirement states), each of which is
 * a database read of its own in the portal.
 */
class CancelClickQueriesIT {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final long PROGRAM = 1;

    private CountingDataSource counted;
    private TestJpa jpa;
    private EnrollmentServiceImpl service;
    private final AtomicInteger rulesRead = new AtomicInteger();
    private final AtomicInteger settingsRead = new AtomicInteger();
    private final AtomicInteger statesRead = new AtomicInteger();

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private void start(String db) throws SQLException {
        DataSource ds = TestDatabases.fresh(db);
        counted = new CountingDataSource(ds);
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(ds);
        TestSecurity security = new TestSecurity(new EnrollmentPermissionProvider()).as(Role.STAFF);
        AuditLogImpl audit = new AuditLogImpl(security, migrator, counted.dataSource);
        jpa = new TestJpa("certportal-enrollments", counted.dataSource);
        FakePrograms programs = new FakePrograms();
        programs.add(PROGRAM, "PLAIN", new ProgramOptions(false, false, true, false, false, 24, 12, 30,
                BigDecimal.ZERO, RecertificationBasis.COMPLETION_DATE, null));
        service = new EnrollmentServiceImpl(jpa, security, migrator, audit, counting(programs),
                Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        service.settings = new SettingsService() {
            @Override
            public OrganisationSettings current() {
                settingsRead.incrementAndGet();
                return OrganisationSettings.defaults();
            }

            @Override
            public OrganisationSettings update(OrganisationSettings settings) {
                throw new UnsupportedOperationException();
            }
        };
        service.progress = id -> {
            statesRead.incrementAndGet();
            return Map.of(11L, new RequirementState(RequirementState.COMPLETE, TODAY, "A"));
        };
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO enrollment (id,"
                + " contact_id, program_id, rule_version, cycle, enrolled_on, grace_period_begins, expires_on, earned_on,"
                + " status, status_changed_at, version) VALUES (7, 1007, ?, 1, 1, ?, ?, ?, NULL, 'IN_PROGRESS', ?, 0)")) {
            s.setLong(1, PROGRAM);
            s.setObject(2, TODAY.minusMonths(2));
            s.setObject(3, TODAY.plusMonths(10));
            s.setObject(4, TODAY.plusMonths(11));
            s.setTimestamp(5, Timestamp.valueOf(TODAY.minusMonths(2).atStartOfDay()));
            s.executeUpdate();
        }
    }

    private ProgramService counting(ProgramService programs) {
        return (ProgramService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ProgramService.class }, (p, m, a) -> {
                    if (m.getName().equals("rules")) {
                        rulesRead.incrementAndGet();
                    }
                    try {
                        return m.invoke(programs, a);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @AfterEach
    void close() {
        if (jpa != null) {
            jpa.close();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void cancellingReadsTheEnrollmentAndItsRulesOnceAndRefreshesThePanelInOneCall(String db) throws Exception {
        start(db);
        Enrollment shown = service.find(7).orElseThrow();
        counted.reset();

        // the panel's click, as EnrollmentPanel makes it: cancel, then show what it is now
        Enrollment after = service.cancel(shown.id(), shown.version(), null);
        EnrollmentDetails now = service.details(after.id());

        assertEquals(CertificationStatus.CANCELLED, now.enrollment().status());
        assertFalse(now.mayCancel());
        assertEquals(3, now.steps().size(), "the three requirements of the rules");
        String counts = "statements=" + counted.statements + " connections=" + counted.connections + " rules="
                + rulesRead + " settings=" + settingsRead + " states=" + statesRead;
        System.out.println("CLICK " + db + " " + counts);
        // measured at de5c814 (cancel, progress, today, mayCancel, deadline): 6 statements on 5 connections,
        // the rules read twice (three times while the enrollment could still be cancelled), the settings twice
        assertEquals("statements=4 connections=2 rules=2 settings=1 states=1", counts,
                "cancel: the row read once, updated, audited; the panel: one read of row, rules and states");
    }
}
