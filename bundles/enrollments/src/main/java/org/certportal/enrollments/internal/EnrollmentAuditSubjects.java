package org.certportal.enrollments.internal;

import static org.certportal.persistence.api.JdbcStatements.placeholders;
import static org.certportal.persistence.api.JdbcStatements.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.certportal.audit.api.AuditSubjects;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramService;
import org.certportal.security.api.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Enrollments in the audit log by their person and certification ("Jana Novak (D1-120), CPA"), read in
 * one query per page: people through the contacts' published view, programs through the programs API.
 */
@Component
public class EnrollmentAuditSubjects implements AuditSubjects {
    private final EnrollmentStore store;
    private final SecurityService security;
    private final ProgramService programs;

    @Activate
    public EnrollmentAuditSubjects(@Reference(target = "(osgi.unit.name=certportal-enrollments)") JpaTemplate jpa,
            @Reference SecurityService security, @Reference ProgramService programs) {
        this.store = new EnrollmentStore(jpa);
        this.security = security;
        this.programs = programs;
    }

    @Override
    public String entityType() {
        return StatusChanges.AUDIT_TYPE;
    }

    @Override
    public Map<String, String> names(Collection<String> entityIds) {
        security.require(EnrollmentPermissions.READ);
        List<Long> ids = entityIds.stream().filter(id -> id != null && id.matches("\\d{1,18}")).map(Long::valueOf)
                .distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Subject> found = store.sql(c -> subjects(c, ids));
        Map<Long, String> codes = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Subject s : found) {
            String code = codes.computeIfAbsent(s.programId(),
                    id -> programs.find(id).map(Program::code).orElse("program " + id));
            names.put(String.valueOf(s.enrollmentId()), name(s.givenName(), s.familyName(), s.externalId(), code));
        }
        return names;
    }

    static String name(String givenName, String familyName, String externalId, String programCode) {
        String person = ((givenName == null ? "" : givenName + " ") + familyName).strip();
        String withId = externalId == null || externalId.isBlank() ? person : person + " (" + externalId + ")";
        return withId + ", " + programCode;
    }

    private record Subject(long enrollmentId, long programId, String givenName, String familyName,
            String externalId) {
    }

    private static List<Subject> subjects(Connection c, List<Long> ids) throws SQLException {
        List<Subject> found = new ArrayList<>();
        for (List<Long> part : EnrollmentQueries.parts(ids)) {
            try (PreparedStatement ps = prepare(c, "SELECT e.id, e.program_id, ct.given_name, ct.family_name,"
                    + " ct.external_id FROM enrollment e JOIN contact_summary ct ON ct.id = e.contact_id"
                    + " WHERE e.id IN " + placeholders(part.size()), new ArrayList<>(part));
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Subject(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        }
        return found;
    }
}
