package org.certportal.contacts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.certportal.audit.internal.AuditLogImpl;
import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactDraft;
import org.certportal.contacts.api.ContactNames;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.persistence.testing.TestJpa;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What other features read of contacts: the batch lookup of the API and the published view contact_summary. */
class ContactReadsIT {
    private DataSource ds;
    private TestJpa jpa;
    private TestSecurity security;
    private ContactServiceImpl service;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private void start(String db) throws SQLException {
        ds = TestDatabases.fresh(db);
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(ds);
        security = new TestSecurity(new ContactPermissionProvider()).as(Role.STAFF);
        jpa = new TestJpa("certportal-contacts", ds);
        service = new ContactServiceImpl(jpa, security, migrator, new AuditLogImpl(security, migrator, ds));
        service.createAll(List.of(new ContactDraft("Ada", "Lovelace", null, null, "A-1"),
                new ContactDraft("Grace", "HOPPER", null, null, "A-2"),
                new ContactDraft(null, "Ébert", null, null, null)));
    }

    @AfterEach
    void close() {
        if (jpa != null) {
            jpa.close();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void contactsAreFoundByExternalIdentifierManyAtOnce(String db) throws Exception {
        start(db);

        Map<String, Contact> found = service.findByExternalIds(Arrays.asList("A-2", "nobody", null, "A-1", "A-2"));

        assertEquals(List.of("A-1", "A-2"), found.keySet().stream().sorted().toList(),
                "unknown identifiers and nulls are left out, repeats found once");
        assertEquals("Lovelace", found.get("A-1").familyName());
        assertEquals(found.get("A-2"), service.find(found.get("A-2").id()).orElseThrow(),
                "the same contact as a single read gives");
        assertEquals(Map.of(), service.findByExternalIds(List.of()));
        security.anonymous();
        assertThrows(AccessDeniedException.class, () -> service.findByExternalIds(List.of("A-1")));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void thePublishedViewShowsEachContactWithTheNameKeyOfTheApi(String db) throws Exception {
        start(db);

        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT given_name, family_name, family_name_key, external_id FROM contact_summary ORDER BY id")) {
            while (rs.next()) {
                assertEquals(ContactNames.key(rs.getString(2)), rs.getString(3));
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        assertEquals(List.of("Ada Lovelace lovelace A-1", "Grace HOPPER hopper A-2", "null Ébert ébert null"), rows);
    }
}
