package org.certportal.contacts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.certportal.audit.internal.AuditLogImpl;
import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactDraft;
import org.certportal.contacts.api.ContactService;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.persistence.testing.TestJpa;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Search that finds people, in the database: names either way round, identifier prefixes, natural order. */
class ContactSearchIT {
    private DataSource ds;
    private TestJpa jpa;
    private LiquibaseSchemaMigrator migrator;
    private TestSecurity security;
    private ContactServiceImpl service;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private void start(String db) throws SQLException {
        ds = TestDatabases.fresh(db);
        migrator = new LiquibaseSchemaMigrator(ds);
        security = new TestSecurity(new ContactPermissionProvider()).as(Role.STAFF);
        jpa = new TestJpa("certportal-contacts", ds);
        service = new ContactServiceImpl(jpa, security, migrator, new AuditLogImpl(security, migrator, ds));
        List<ContactDraft> drafts = new ArrayList<>();
        drafts.add(new ContactDraft("Jane", "Doe", null, null, "D1-120"));
        drafts.add(new ContactDraft("John", "Doe", "john@example.org", null, "D1-121"));
        drafts.add(new ContactDraft("Jane", "Smith", null, null, "D1-9"));
        drafts.add(new ContactDraft("Mary Ann", "Lee", null, null, "D1-10"));
        drafts.add(new ContactDraft("Doe", "Janeway", null, null, "D1-2"));
        for (int i = 122; i <= 129; i++) {
            drafts.add(new ContactDraft("Pat", "Number" + i, null, null, "D1-" + i));
        }
        drafts.add(new ContactDraft("Pat", "Twelve", null, null, "D1-12"));
        drafts.add(new ContactDraft("Pat", "Thirteen", null, null, "D1-13"));
        drafts.add(new ContactDraft("Pat", "Other", null, null, "X-1200"));
        service.createAll(drafts);
    }

    @AfterEach
    void close() {
        if (jpa != null) {
            jpa.close();
        }
    }

    private List<String> ids(String text) {
        return ids(service.search(text, PageRequest.first(100).sortedBy(ContactService.SORT_EXTERNAL_ID, true)));
    }

    private static List<String> ids(Page<Contact> page) {
        return page.items().stream().map(Contact::externalId).toList();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void namesAreFoundGivenFamilyAndFamilyCommaGiven(String db) throws SQLException {
        start(db);
        assertEquals(List.of("D1-120"), ids("jane doe"));
        assertEquals(List.of("D1-120"), ids("Doe, Jane"));
        assertEquals(List.of("D1-120"), ids("  DOE ,ja "));
        assertEquals(List.of("D1-120", "D1-121"), ids("doe,"), "a family name alone before the comma");
        assertEquals(List.of("D1-10"), ids("mary ann"), "a given name of two words");
        assertEquals(List.of("D1-10"), ids("Mary Lee"), "the first given name and the family name");
        assertEquals(List.of("D1-2", "D1-120", "D1-121"), ids("doe"), "one word: given or family name");
        assertEquals(List.of("D1-121"), ids("john@"), "email prefix");
        assertEquals(List.of(), ids("jane lee"));
        assertEquals(List.of(), ids("50%"), "LIKE wildcards are plain characters");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void identifierPrefixesFindTheirRangeInNaturalOrder(String db) throws SQLException {
        start(db);
        List<String> twelves = new ArrayList<>(List.of("D1-12", "D1-120", "D1-121"));
        for (int i = 122; i <= 129; i++) {
            twelves.add("D1-" + i);
        }
        assertEquals(twelves, ids("D1-12"));
        assertEquals(twelves, ids("d1-12"), "any case");
        Page<Contact> all = service.search("d1-", PageRequest.first(5).sortedBy(ContactService.SORT_EXTERNAL_ID, true));
        assertEquals(List.of("D1-2", "D1-9", "D1-10", "D1-12", "D1-13"), ids(all), "natural order, paged");
        assertEquals(15, all.total());
        Page<Contact> last = service.search("", new PageRequest(0, 2, ContactService.SORT_EXTERNAL_ID, false));
        assertEquals(List.of("X-1200", "D1-129"), ids(last));
        assertEquals(16, last.total());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void identifiersStoredBeforeTheSortKeyGetItAtStart(String db) throws SQLException {
        start(db);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE contact SET external_id_sort = NULL");
        }
        jpa.close();
        jpa = new TestJpa("certportal-contacts", ds);
        service = new ContactServiceImpl(jpa, security, migrator, new AuditLogImpl(security, migrator, ds));
        assertEquals(List.of("D1-2", "D1-9", "D1-10"), ids(service.search("d1-",
                PageRequest.first(3).sortedBy(ContactService.SORT_EXTERNAL_ID, true))));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void pagesOfSeveralBranchesKeepOneOrderAndAnExactSmallCount(String db) throws SQLException {
        start(db);
        List<String> pages = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            Page<Contact> page = service.search("doe", new PageRequest(offset, 1, ContactService.SORT_FAMILY_NAME, true));
            pages.addAll(ids(page));
            assertEquals(3, page.total(), "counted: the page is full");
            assertEquals(false, page.more());
        }
        assertEquals(List.of("D1-120", "D1-121", "D1-2"), pages, "family Doe twice, then given name Doe (Janeway)");
        Page<Contact> descending = service.search("doe", new PageRequest(1, 2, ContactService.SORT_FAMILY_NAME, false));
        assertEquals(List.of("D1-121", "D1-120"), ids(descending));
        assertEquals(3, descending.total(), "the last page ends the list");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCountAboveTheCapStopsThereAndSaysSo(String db) throws SQLException {
        start(db);
        List<ContactDraft> many = new ArrayList<>();
        for (int i = 0; i <= Page.COUNT_CAP; i++) {
            many.add(new ContactDraft("Many", "Capped" + i, null, null, "CAP-" + i));
        }
        service.createAll(many);
        Page<Contact> capped = service.search("capped", PageRequest.first(50));
        assertEquals(50, capped.items().size());
        assertEquals(Page.COUNT_CAP, capped.total());
        assertEquals(true, capped.more(), "10,001 matches: more than 10,000");
        Page<Contact> everyone = service.search("", PageRequest.first(1));
        assertEquals(true, everyone.more());
        Page<Contact> familyGiven = service.search("capped, many", PageRequest.first(5));
        assertEquals(true, familyGiven.more(), "one branch counted up to the cap");
        Page<Contact> exact = service.search("capped1", PageRequest.first(5));
        assertEquals(1112, exact.total(), "Capped1, Capped10-19, ..., Capped1000-1999, Capped10000");
        assertEquals(false, exact.more());
    }
}
