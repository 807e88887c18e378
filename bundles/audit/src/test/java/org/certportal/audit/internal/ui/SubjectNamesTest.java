package org.certportal.audit.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certportal.audit.api.AuditRecord;
import org.certportal.audit.api.AuditSubjects;
import org.junit.jupiter.api.Test;

class SubjectNamesTest {
    private final List<Collection<String>> asked = new ArrayList<>();

    private AuditSubjects contacts(Map<String, String> names) {
        return new AuditSubjects() {
            @Override
            public String entityType() {
                return "contact";
            }

            @Override
            public Map<String, String> names(Collection<String> ids) {
                asked.add(Set.copyOf(ids));
                return names;
            }
        };
    }

    private static AuditRecord entry(String type, String id) {
        return new AuditRecord(1, Instant.EPOCH, "staff", type, id, "updated", "");
    }

    @Test
    void theOwningAreaNamesItsEntriesOncePerPage() {
        List<AuditRecord> page = List.of(entry("contact", "7"), entry("contact", "8"), entry("contact", "7"),
                entry("program", "7"), entry("contact", "bulk"));
        SubjectNames names = new SubjectNames(page, List.of(contacts(Map.of("7", "Jana Novak (D1-120)"))));

        assertEquals(List.of(Set.of("7", "8", "bulk")), asked, "one question for the page's contacts");
        assertEquals("Jana Novak (D1-120)", names.of(page.get(0)));
        assertEquals("8", names.of(page.get(1)), "a contact nobody names keeps its id");
        assertEquals("7", names.of(page.get(3)), "another type's 7 is not the contact");
        assertEquals("bulk", names.of(page.get(4)));
    }

    @Test
    void aRefusingAreaLeavesTheIds() {
        AuditSubjects refusing = new AuditSubjects() {
            @Override
            public String entityType() {
                return "contact";
            }

            @Override
            public Map<String, String> names(Collection<String> ids) {
                throw new IllegalStateException("Not permitted: contacts.read");
            }
        };
        AuditRecord e = entry("contact", "7");
        assertEquals("7", new SubjectNames(List.of(e), List.of(refusing)).of(e));
    }
}
