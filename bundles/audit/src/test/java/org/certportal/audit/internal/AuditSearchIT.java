package org.certportal.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.certportal.audit.api.AuditEntry;
import org.certportal.audit.api.AuditPermissions;
import org.certportal.audit.api.AuditRecord;
import org.certportal.audit.api.Changes;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The audit log's search on H2 and PostgreSQL: a log past the count's cap says "more than". */
class AuditSearchIT {
    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLogPastTheCountCapSaysMoreThanAndAFilterBelowItIsExact(String db) throws Exception {
        DataSource ds = TestDatabases.fresh(db);
        TestSecurity security = new TestSecurity(new AuditPermissionProvider()).as(Role.SYSADMIN);
        AuditLogImpl audit = new AuditLogImpl(security, new LiquibaseSchemaMigrator(ds), ds);
        List<AuditEntry> entries = IntStream.rangeClosed(0, Page.COUNT_CAP)
                .mapToObj(i -> new AuditEntry(i % 2 == 0 ? "contact" : "program", i, "update", Changes.of())).toList();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            audit.recordAll(c, entries);
            c.commit();
        }
        Page<AuditRecord> all = audit.search(null, null, null, PageRequest.first(50));
        assertTrue(all.more());
        assertEquals("more than 10,000 entries", all.totalText("entry", "entries"));
        assertEquals(50, all.items().size());
        Page<AuditRecord> programs = audit.search("program", null, null, PageRequest.first(50));
        assertFalse(programs.more());
        assertEquals(Page.COUNT_CAP / 2, programs.total());
        assertEquals(1, audit.history("contact", "42", AuditPermissions.READ, PageRequest.first(10)).total());
    }
}
