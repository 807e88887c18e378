package org.certportal.contacts.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.persistence.EntityManager;

import org.certportal.contacts.api.ContactDraft;
import org.certportal.contacts.api.ContactNames;
import org.eclipse.persistence.jpa.JpaEntityManager;

/**
 * Bulk creation as one JDBC batch on the transaction's own connection: persisting entity by entity
 * cost three times a plain batch (object building and change tracking per row), for rows nobody
 * reads back. Ids still come from the entity's sequence, so single creates and bulk ones interleave.
 */
final class ContactBatchInsert {
    private static final String INSERT = "INSERT INTO contact (id, given_name, family_name, family_name_key, email,"
            + " birth_date, external_id, created_at, given_name_key, external_id_key, external_id_sort, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
    private static final int BATCH = 1000;

    private ContactBatchInsert() {
    }

    static void insert(EntityManager em, List<ContactDraft> drafts, Instant now) {
        var session = em.unwrap(JpaEntityManager.class).getActiveSession();
        Connection connection = em.unwrap(Connection.class);
        // the column holds UTC wall-clock time, as the entity writes it
        Timestamp created = Timestamp.valueOf(LocalDateTime.ofInstant(now, ZoneOffset.UTC));
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int pending = 0;
            for (ContactDraft d : drafts) {
                Number id = (Number) session.getNextSequenceNumberValue(ContactEntity.class);
                insert.setLong(1, id.longValue());
                insert.setString(2, d.givenName());
                insert.setString(3, d.familyName());
                insert.setString(4, ContactNames.key(d.familyName()));
                insert.setString(5, d.email());
                if (d.birthDate() == null) {
                    insert.setNull(6, Types.DATE);
                } else {
                    insert.setDate(6, Date.valueOf(d.birthDate()));
                }
                insert.setString(7, d.externalId());
                insert.setTimestamp(8, created);
                insert.setString(9, ContactNames.key(d.givenName()));
                insert.setString(10, ContactNames.key(d.externalId()));
                insert.setString(11, IdentifierSortKey.of(d.externalId()));
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Creating contacts failed: " + e.getMessage(), e);
        }
    }
}
