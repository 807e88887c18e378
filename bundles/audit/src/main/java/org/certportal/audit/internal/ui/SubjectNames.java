package org.certportal.audit.internal.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.certportal.audit.api.AuditRecord;
import org.certportal.audit.api.AuditSubjects;

/**
 * The names of the things a page of audit entries is about, asked of each entity type's
 * {@link AuditSubjects} once for the whole page; an entry nobody names keeps its stored id.
 */
final class SubjectNames {
    private final Map<String, Map<String, String>> byType = new HashMap<>();

    SubjectNames(List<AuditRecord> page, List<AuditSubjects> namers) {
        Map<String, Set<String>> ids = page.stream().collect(Collectors.groupingBy(AuditRecord::entityType,
                Collectors.mapping(AuditRecord::entityId, Collectors.toSet())));
        for (AuditSubjects namer : namers) {
            Set<String> wanted = ids.get(namer.entityType());
            if (wanted != null && !byType.containsKey(namer.entityType())) {
                byType.put(namer.entityType(), names(namer, wanted));
            }
        }
    }

    // a reader the area refuses (or an area failing) still reads the log, by stored ids
    private static Map<String, String> names(AuditSubjects namer, Set<String> ids) {
        try {
            return Map.copyOf(namer.names(ids));
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** The subject's name, or its stored id when nobody names it. */
    String of(AuditRecord r) {
        String name = byType.getOrDefault(r.entityType(), Map.of()).get(r.entityId());
        return name == null ? r.entityId() : name;
    }
}
