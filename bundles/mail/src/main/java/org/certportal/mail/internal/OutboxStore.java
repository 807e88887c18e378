package org.certportal.mail.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.certportal.mail.api.MailMessage;
import org.certportal.mail.api.MailStatus;
import org.certportal.mail.api.OutboxEntry;
import org.certportal.persistence.api.JdbcStatements;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;

/**
 * The mail_outbox table in plain JDBC. A message moves QUEUED → SENDING (claimed by one portal with
 * an UPDATE whose row count says who won) → SENT, or back to QUEUED with its next time, or FAILED.
 * Works on H2 and PostgreSQL alike: no locking hints, no vendor SQL.
 */
final class OutboxStore {
    static final int MAX_ERROR = 1000;
    private static final String COLUMNS = "id, recipient, subject, status, attempts, last_error, created_at,"
            + " next_attempt_at, sent_at";
    private static final String INSERT = "INSERT INTO mail_outbox (recipient, recipient_key, subject, body, status,"
            + " attempts, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)";

    /** A message this portal has claimed and now sends. */
    record Claimed(long id, String to, String subject, String body, int attempts, String token) {
    }

    private final DataSource dataSource;

    OutboxStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts all in one JDBC batch on the caller's connection, in the caller's transaction; due at once. */
    static void insertAll(Connection c, List<MailMessage> messages, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (MailMessage m : messages) {
                bindQueued(insert, m, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** {@link #insertAll} returning the new ids in the order of the messages. */
    static List<Long> insertEach(Connection c, List<MailMessage> messages, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT, new String[] { "id" })) {
            for (MailMessage m : messages) {
                bindQueued(insert, m, now);
                insert.addBatch();
            }
            insert.executeBatch();
            List<Long> ids = new ArrayList<>(messages.size());
            try (ResultSet keys = insert.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
            if (ids.size() != messages.size()) {
                throw new SQLException("The database returned " + ids.size() + " ids for " + messages.size()
                        + " queued messages.");
            }
            return ids;
        }
    }

    /** Inserts on the caller's connection, in the caller's transaction; due at once. */
    static long insert(Connection c, MailMessage m, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT, new String[] { "id" })) {
            bindQueued(insert, m, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("The database returned no id for the queued message.");
                }
                return keys.getLong(1);
            }
        }
    }

    private static void bindQueued(PreparedStatement insert, MailMessage m, Instant now) throws SQLException {
        insert.setString(1, m.to());
        insert.setString(2, m.to().toLowerCase(Locale.ROOT));
        insert.setString(3, m.subject());
        insert.setString(4, m.body());
        insert.setString(5, MailStatus.QUEUED.name());
        insert.setObject(6, utc(now));
        insert.setObject(7, utc(now));
    }

    /**
     * Back to QUEUED with the attempts reset, on the caller's connection.
     *
     * @return the status it had
     * @throws IllegalArgumentException when there is no such message or it is not sent or failed
     */
    static MailStatus requeue(Connection c, long id, Instant now) throws SQLException {
        MailStatus before;
        try (PreparedStatement select = c.prepareStatement("SELECT status FROM mail_outbox WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("There is no message with id " + id + " in the outbox.");
                }
                before = MailStatus.valueOf(rs.getString(1));
            }
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE mail_outbox SET status = ?, attempts = 0,"
                + " last_error = NULL, next_attempt_at = ?, sent_at = NULL, claimed_by = NULL, claimed_at = NULL"
                + " WHERE id = ? AND status IN (?, ?)")) {
            update.setString(1, MailStatus.QUEUED.name());
            update.setObject(2, utc(now));
            update.setLong(3, id);
            update.setString(4, MailStatus.FAILED.name());
            update.setString(5, MailStatus.SENT.name());
            if (update.executeUpdate() == 0) {
                // also when a portal claimed it between the two statements
                throw new IllegalArgumentException("Message " + id + " is " + (before == MailStatus.SENDING
                        ? "being sent right now" : "still waiting in the queue") + "; only sent or failed messages"
                        + " can be sent again.");
            }
        }
        return before;
    }

    /** Ids of queued messages due now, oldest due first. */
    List<Long> due(Instant now, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT id FROM mail_outbox WHERE status = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id"
                        + " LIMIT ?")) {
            select.setString(1, MailStatus.QUEUED.name());
            select.setObject(2, utc(now));
            select.setInt(3, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    /**
     * Takes a due message for sending, counting the attempt. Of two portals claiming one message
     * only one UPDATE matches (the other sees the row no longer QUEUED), so only one sends it.
     *
     * @param token who claims it, unique per claim
     * @return the message, or empty when another portal was first
     */
    Optional<Claimed> claim(long id, String token, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement update = c.prepareStatement("UPDATE mail_outbox SET status = ?, claimed_by = ?,"
                    + " claimed_at = ?, attempts = attempts + 1 WHERE id = ? AND status = ? AND next_attempt_at <= ?")) {
                update.setString(1, MailStatus.SENDING.name());
                update.setString(2, token);
                update.setObject(3, utc(now));
                update.setLong(4, id);
                update.setString(5, MailStatus.QUEUED.name());
                update.setObject(6, utc(now));
                if (update.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement select = c.prepareStatement("SELECT recipient, subject, body, attempts"
                    + " FROM mail_outbox WHERE id = ? AND claimed_by = ?")) {
                select.setLong(1, id);
                select.setString(2, token);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new Claimed(id, rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getInt(4), token)) : Optional.empty();
                }
            }
        }
    }

    /** @return false when the claim was lost meanwhile (a portal took the message back as stale) */
    boolean markSent(Claimed m, Instant now) throws SQLException {
        return finish(m, MailStatus.SENT, null, now, now);
    }

    boolean markRetry(Claimed m, String reason, Instant next) throws SQLException {
        return finish(m, MailStatus.QUEUED, reason, next, null);
    }

    boolean markFailed(Claimed m, String reason, Instant now) throws SQLException {
        return finish(m, MailStatus.FAILED, reason, now, null);
    }

    private boolean finish(Claimed m, MailStatus status, String reason, Instant next, Instant sentAt)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE mail_outbox SET status = ?, last_error = ?, next_attempt_at = ?, sent_at = ?, claimed_by = NULL,"
                        + " claimed_at = NULL WHERE id = ? AND status = ? AND claimed_by = ?")) {
            update.setString(1, status.name());
            update.setString(2, reason == null ? null : shorten(reason));
            update.setObject(3, utc(next));
            if (sentAt == null) {
                update.setNull(4, Types.TIMESTAMP);
            } else {
                update.setObject(4, utc(sentAt));
            }
            update.setLong(5, m.id());
            update.setString(6, MailStatus.SENDING.name());
            update.setString(7, m.token());
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Queues again what a portal claimed before {@code claimedBefore} and never finished: it stopped
     * mid-send. Such a message may reach its recipient twice.
     *
     * @return how many messages were queued again
     */
    int releaseStale(Instant claimedBefore, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE mail_outbox SET status = ?, next_attempt_at = ?, claimed_by = NULL, claimed_at = NULL"
                        + " WHERE status = ? AND claimed_at < ?")) {
            update.setString(1, MailStatus.QUEUED.name());
            update.setObject(2, utc(now));
            update.setString(3, MailStatus.SENDING.name());
            update.setObject(4, utc(claimedBefore));
            return update.executeUpdate();
        }
    }

    Page<OutboxEntry> search(MailStatus status, String recipientPrefix, PageRequest page) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        if (status != null) {
            where.append(" AND status = ?");
            args.add(status.name());
        }
        String prefix = recipientPrefix == null ? "" : recipientPrefix.strip().toLowerCase(Locale.ROOT);
        if (!prefix.isEmpty()) {
            where.append(" AND recipient_key LIKE ? ESCAPE '\\'");
            args.add(JdbcStatements.startsWith(prefix));
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            // counted up to the cap: a million messages are not counted for a page of fifty
            try (PreparedStatement count = c.prepareStatement(JdbcStatements.countUpTo("SELECT id FROM mail_outbox"
                    + where))) {
                bind(count, args);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<OutboxEntry> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM mail_outbox" + where
                    + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
                bind(select, args);
                select.setInt(args.size() + 1, page.limit());
                select.setInt(args.size() + 2, page.offset());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(entry(rs, null));
                    }
                }
            }
            return Page.countedUpTo(rows, total);
        }
    }

    Optional<OutboxEntry> find(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + ", body FROM mail_outbox WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs, rs.getString("body"))) : Optional.empty();
            }
        }
    }

    private static OutboxEntry entry(ResultSet rs, String body) throws SQLException {
        return new OutboxEntry(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"), body,
                MailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                instant(rs, "created_at"), instant(rs, "next_attempt_at"), instant(rs, "sent_at"));
    }

    private static void bind(PreparedStatement ps, List<String> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setString(i + 1, args.get(i));
        }
    }

    static String shorten(String reason) {
        return reason.length() <= MAX_ERROR ? reason : reason.substring(0, MAX_ERROR - 1) + "…";
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
