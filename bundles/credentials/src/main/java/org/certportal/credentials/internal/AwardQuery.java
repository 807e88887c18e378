package org.certportal.credentials.internal;

import java.util.ArrayList;
import java.util.List;

import org.certportal.credentials.api.AwardCriteria;
import org.certportal.persistence.api.JdbcStatements;

/**
 * The achieved-but-not-awarded credentials a search finds, as SQL over this area's tables and the
 * contacts' published view contact_summary (students by external identifier).
 *
 * @param from the FROM and WHERE clauses ({@code a} is the achieved credential, {@code t} its type,
 *        {@code b} its school or authority)
 * @param params the values of its placeholders, in order
 */
record AwardQuery(String from, List<Object> params) {

    static AwardQuery of(AwardCriteria c) {
        StringBuilder sql = new StringBuilder(" FROM achieved_credential a JOIN credential_type t ON t.id = a.type_id"
                + " JOIN issuing_body b ON b.id = a.issuing_body_id WHERE a.status = 'PENDING'");
        List<Object> params = new ArrayList<>();
        if (c.typeCode() != null) {
            sql.append(" AND t.code = ?");
            params.add(c.typeCode());
        }
        if (c.session() != null) {
            sql.append(" AND a.exam_session = ?");
            params.add(c.session());
        }
        if (c.issuingBodyCode() != null) {
            sql.append(" AND b.code = ?");
            params.add(c.issuingBodyCode());
        }
        if (c.achievedFrom() != null) {
            sql.append(" AND a.achieved_on >= ?");
            params.add(c.achievedFrom());
        }
        if (c.achievedTo() != null) {
            sql.append(" AND a.achieved_on <= ?");
            params.add(c.achievedTo());
        }
        if (!c.studentIds().isEmpty()) {
            sql.append(" AND a.contact_id IN (SELECT s.id FROM contact_summary s WHERE s.external_id IN ")
                    .append(JdbcStatements.placeholders(c.studentIds().size())).append(")");
            params.addAll(c.studentIds());
        }
        return new AwardQuery(sql.toString(), List.copyOf(params));
    }
}
