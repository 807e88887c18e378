package org.certportal.tracking.internal.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactService;

/**
 * Contacts' email addresses for the reminders of one run, asked of the contacts API in batches: on a miss
 * it reads the contacts of the next {@value #BATCH} reminder candidates in the run's order (enrollment id)
 * and looks them all up in one call, so a run sending thousands of reminders asks a few hundred times,
 * not once per row. Rows of one run come in order; a miss outside the batch simply starts a new one.
 */
final class ReminderRecipients {
    static final int BATCH = 500;
    private long runId = -1;
    private final Map<Long, Optional<String>> emails = new HashMap<>();

    synchronized Optional<String> email(Connection c, ContactService contacts, long runId, long enrollmentId,
            long contactId, LocalDate to) throws SQLException {
        if (runId != this.runId) {
            this.runId = runId;
            emails.clear();
        }
        Optional<String> known = emails.get(contactId);
        if (known != null) {
            return known;
        }
        List<Long> ids = new ArrayList<>();
        ids.add(contactId);
        try (PreparedStatement ps = c.prepareStatement("SELECT contact_id FROM enrollment_summary WHERE id > ?"
                + " AND status = 'ACTIVE' AND expires_on <= ? ORDER BY id LIMIT " + BATCH)) {
            ps.setLong(1, enrollmentId);
            ps.setObject(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        Map<Long, Contact> found = contacts.findAll(ids);
        emails.clear();
        for (Long id : ids) {
            emails.put(id, Optional.ofNullable(found.get(id)).map(Contact::email).filter(e -> !e.isBlank()));
        }
        return emails.get(contactId);
    }
}
