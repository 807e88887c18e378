package org.certportal.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.certportal.credentials.api.AwardCriteria;
import org.certportal.credentials.api.AwardSummary;
import org.certportal.credentials.api.AwardedCredential;
import org.certportal.credentials.api.CredentialService;
import org.certportal.credentials.api.CredentialStatus;
import org.certportal.credentials.api.Reissued;
import org.certportal.credentials.api.UsageEvent;
import org.certportal.credentials.api.UsageKind;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.RunState;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Revoke (one, and many through the process), reissue, the award summary and usage events, on H2 and PostgreSQL. */
class RevokeReissueIT {
    private CredentialsPortal portal;
    /** Number awarded per student id, by the award run every test starts from. */
    private final Map<String, String> numbers = new HashMap<>();
    private long awardRun;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private CredentialsPortal start(String db) throws Exception {
        portal = new CredentialsPortal(db, 2);
        portal.contact(1, "Ada", "Lovelace", "A1");
        portal.contact(2, "Ben", "Okri", "B2");
        portal.contact(3, "Chloé", "Côté", "C3");
        portal.contact(4, "Dev", "Patel", "D4");
        portal.body(10, "S01", "SCHOOL", "1 School Rd", "Ottawa", "K1A 0B1");
        portal.body(12, "EXAM", "AUTHORITY", "9 Exam St", "Ottawa", "K1A 0B2");
        portal.importCsv("""
                student,type,achieved,session,school
                A1,HSD,2026-06-28,2026-06,S01
                A1,COA,2026-05-30,2026-06,S01
                B2,HSE,2026-06-20,2026-06,EXAM
                C3,HSD,2026-06-28,2026-06,S01
                D4,HSD,2026-06-28,2026-06,S01
                """);
        long id = portal.engine.service().start(CredentialService.AWARD_PROCESS, Map.of(), RunOptions.run());
        ProcessRun r = finish(id);
        awardRun = r.id();
        for (CSVRecord rec : file(id, AwardProcess.SUCCESSFUL)) {
            numbers.put(rec.get("student_id"), rec.get("credential_number"));
        }
        assertEquals(4, numbers.size());
        return portal;
    }

    @AfterEach
    void close() {
        if (portal != null) {
            portal.close();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void revokesOneWithItsReasonCancelsItsDocumentAndAuditsIt(String db) throws Exception {
        CredentialsPortal p = start(db);
        String a1 = numbers.get("A1");
        AwardedCredential revoked = p.service.revoke(a1.toLowerCase(), "  Exam result annulled  ");
        assertEquals(CredentialStatus.REVOKED, revoked.status());
        assertEquals("Exam result annulled", revoked.statusReason());
        assertEquals("CANCELLED", revoked.documents().get(0).status(), "not printed yet: the order is cancelled");
        assertEquals(1, p.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'awarded_credential'"
                + " AND entity_id = '" + a1 + "' AND action = 'revoke'"));
        assertEquals(CredentialStatus.AWARDED, p.service.findByNumber(numbers.get("C3")).orElseThrow().status(),
                "the others are untouched");
        assertEquals("AWARDED", p.text("SELECT a.status FROM achieved_credential a JOIN awarded_credential w"
                + " ON w.achieved_id = a.id WHERE w.number = '" + a1 + "'"), "the achievement is not awarded again");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void refusalsChangeNothing(String db) throws Exception {
        CredentialsPortal p = start(db);
        String a1 = numbers.get("A1");
        String typo = a1.substring(0, a1.length() - 4) + (a1.charAt(a1.length() - 4) == '9' ? '8' : '9')
                + a1.substring(a1.length() - 3);
        IllegalArgumentException wrongDigit = assertThrows(IllegalArgumentException.class,
                () -> p.service.revoke(typo, "Annulled"));
        assertTrue(wrongDigit.getMessage().contains("check digits"), wrongDigit.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> p.service.revoke(new CredentialNumber("HSD", 2026, 999_999).toString(), "Annulled"));
        assertTrue(unknown.getMessage().startsWith("No credential has the number"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.service.revoke(a1, " "));
        assertThrows(IllegalArgumentException.class, () -> p.service.reissue(a1, null));

        p.security.as(Role.STAFF);
        assertThrows(AccessDeniedException.class, () -> p.service.revoke(a1, "Annulled"));
        assertThrows(AccessDeniedException.class, () -> p.service.reissue(a1, "Lost"));
        assertThrows(AccessDeniedException.class, () -> p.engine.service().start(CredentialService.REVOKE_PROCESS,
                Map.of("numbers", a1, "reason", "Annulled"), RunOptions.run()));
        p.security.as(Role.STUDENT_RECORDS);
        assertEquals(4, p.count("SELECT COUNT(*) FROM awarded_credential WHERE status = 'AWARDED'"));

        p.service.revoke(a1, "Annulled");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> p.service.revoke(a1, "Again"));
        assertEquals(a1 + " is already revoked.", twice.getMessage());
        IllegalArgumentException reissueRevoked = assertThrows(IllegalArgumentException.class,
                () -> p.service.reissue(a1, "Lost"));
        assertTrue(reissueRevoked.getMessage().contains("is revoked"), reissueRevoked.getMessage());
        assertEquals("Annulled", p.service.findByNumber(a1).orElseThrow().statusReason(), "the first reason stays");
        assertEquals(4, p.count("SELECT COUNT(*) FROM awarded_credential"), "no new number");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void revokesManyThroughTheProcessWhosePreviewChangesNothing(String db) throws Exception {
        CredentialsPortal p = start(db);
        p.service.revoke(numbers.get("D4"), "Annulled earlier");
        String unknown = new CredentialNumber("HSD", 2026, 999_999).toString();
        String list = numbers.get("A1") + ", " + numbers.get("B2") + " " + numbers.get("D4") + ";" + unknown;
        Map<String, String> parameters = Map.of(RevokeProcess.NUMBERS, list, RevokeProcess.REASON, "Session annulled");

        ProcessRun preview = finish(p.engine.service().start(CredentialService.REVOKE_PROCESS, parameters,
                RunOptions.preview()));
        assertEquals(2, preview.done());
        assertEquals(1, preview.skipped());
        assertEquals(1, preview.failed());
        assertEquals(Map.of(numbers.get("A1"), "WOULD_REVOKE", numbers.get("B2"), "WOULD_REVOKE", numbers.get("D4"),
                "REFUSED", unknown, "NOT_FOUND"), outcomes(preview.id()));
        assertEquals(1, p.count("SELECT COUNT(*) FROM awarded_credential WHERE status = 'REVOKED'"),
                "the preview revoked nothing");
        assertEquals(0, p.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'revoke'"
                + " AND entity_id <> '" + numbers.get("D4") + "'"));

        ProcessRun run = finish(p.engine.service().start(CredentialService.REVOKE_PROCESS, parameters,
                RunOptions.run()));
        assertEquals(2, run.done());
        assertEquals(Map.of(numbers.get("A1"), "REVOKED", numbers.get("B2"), "REVOKED", numbers.get("D4"), "REFUSED",
                unknown, "NOT_FOUND"), outcomes(run.id()));
        AwardedCredential b2 = p.service.findByNumber(numbers.get("B2")).orElseThrow();
        assertEquals(CredentialStatus.REVOKED, b2.status());
        assertEquals("Session annulled", b2.statusReason());
        assertEquals(CredentialStatus.AWARDED, p.service.findByNumber(numbers.get("C3")).orElseThrow().status());
        assertEquals(3, p.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'revoke'"));

        String a1 = numbers.get("A1");
        String typo = a1.substring(0, a1.length() - 1) + (a1.endsWith("0") ? "1" : "0");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> p.engine.service().start(
                CredentialService.REVOKE_PROCESS, Map.of(RevokeProcess.NUMBERS, numbers.get("C3") + "," + typo,
                        RevokeProcess.REASON, "x"), RunOptions.run()));
        assertTrue(bad.getMessage().contains("The check digits of " + typo), bad.getMessage());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void reissueGivesANewNumberLinkedToTheOldAndOrdersAReprint(String db) throws Exception {
        CredentialsPortal p = start(db);
        String old = numbers.get("C3");
        Reissued r = p.service.reissue(old, "Document lost in the mail");
        AwardedCredential fresh = r.credential();
        assertTrue(r.ordered());
        assertTrue(!fresh.number().equals(old) && CredentialNumber.parse(fresh.number()).isPresent());
        assertEquals(CredentialStatus.AWARDED, fresh.status());
        assertEquals(old, fresh.replacesNumber());
        assertEquals(1, fresh.documents().size());
        assertEquals(1, fresh.documents().get(0).issueNo(), "a reprint");
        assertEquals("ORDERED", fresh.documents().get(0).status());
        assertEquals("reissue-" + fresh.number(), fresh.documents().get(0).orderReference());

        AwardedCredential archived = p.service.findByNumber(old).orElseThrow();
        assertEquals(CredentialStatus.SUPERSEDED, archived.status());
        assertEquals(fresh.number(), archived.replacedByNumber());
        assertEquals("Reissued as " + fresh.number() + ": Document lost in the mail", archived.statusReason());
        assertEquals("CANCELLED", archived.documents().get(0).status());
        assertEquals(1, p.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'reissue' AND entity_id = '" + old
                + "'"));

        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> p.service.reissue(old, "Lost again"));
        assertTrue(again.getMessage().contains("reissue the credential that replaced it"), again.getMessage());
        Reissued second = p.service.reissue(fresh.number(), "Damaged");
        assertEquals(2, second.credential().documents().get(0).issueNo());
        assertEquals(6, p.count("SELECT COUNT(*) FROM awarded_credential"));
        assertEquals(6, p.count("SELECT COUNT(DISTINCT number) FROM awarded_credential"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aReissueWithoutAnAddressIsAwardedNotOrderedWithTheReason(String db) throws Exception {
        CredentialsPortal p = start(db);
        Reissued r = p.service.reissue(numbers.get("B2"), "Name corrected");
        assertTrue(!r.ordered());
        assertEquals("No valid mailing address: the student has no mailing address.", r.notOrderedReason());
        assertTrue(r.credential().documents().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theAwardSummaryCountsWhatTheRunDid(String db) throws Exception {
        CredentialsPortal p = start(db);
        assertEquals(new AwardSummary(3, 1, 1, 0), p.service.awardSummary(awardRun), "A1's COA was superseded");
        long preview = finish(p.engine.service().start(CredentialService.AWARD_PROCESS, Map.of(),
                RunOptions.preview())).id();
        assertThrows(IllegalArgumentException.class, () -> p.service.awardSummary(preview));
        p.security.as(Role.STAFF);
        assertThrows(AccessDeniedException.class, () -> p.service.awardSummary(awardRun));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void usageEventsAreRecordedAndOnlyASysAdminReadsThem(String db) throws Exception {
        CredentialsPortal p = start(db);
        p.service.recordUsage(UsageKind.PAGE_VIEW, null);
        p.service.recordUsage(UsageKind.EXPORT_SUCCESSFUL, awardRun);
        assertThrows(AccessDeniedException.class, () -> p.service.usage(null, PageRequest.first(10)));
        p.security.as(Role.STAFF);
        assertThrows(AccessDeniedException.class, () -> p.service.recordUsage(UsageKind.PAGE_VIEW, null));
        p.security.as(Role.SYSADMIN);
        List<UsageEvent> events = p.service.usage(null, PageRequest.first(10)).items();
        assertEquals(2, events.size());
        assertEquals(List.of(UsageKind.EXPORT_SUCCESSFUL, UsageKind.PAGE_VIEW), events.stream().map(UsageEvent::kind)
                .toList(), "newest first (same time: by id)");
        assertEquals(awardRun, events.get(0).runId());
        assertNull(events.get(1).runId());
        assertEquals(CredentialsPortal.NOW, events.get(0).occurredAt());
        assertEquals(2, p.service.usage(CredentialsPortal.NOW, PageRequest.first(1)).total());
        assertEquals(0, p.service.usage(CredentialsPortal.NOW.plusSeconds(1), PageRequest.first(1)).total());
        assertTrue(!events.get(0).userName().isBlank());
        assertEquals(Instant.class, events.get(0).occurredAt().getClass());
    }

    private ProcessRun finish(long id) throws SQLException {
        portal.engine.runUntilIdle();
        ProcessRun r = portal.engine.service().run(id).orElseThrow();
        assertEquals(RunState.COMPLETED, r.state(), String.valueOf(r.error()));
        return r;
    }

    private Map<String, String> outcomes(long runId) throws IOException {
        Map<String, String> outcomes = new HashMap<>();
        file(runId, RevokeProcess.FILE).forEach(r -> outcomes.put(r.get("credential_number"), r.get("outcome")));
        return outcomes;
    }

    private List<CSVRecord> file(long runId, String name) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(portal.engine.file(runId, name))).getRecords();
    }
}
