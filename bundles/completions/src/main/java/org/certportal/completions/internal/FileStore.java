package org.certportal.completions.internal;

import static org.certportal.persistence.api.JdbcStatements.placeholders;
import static org.certportal.persistence.api.JdbcStatements.prepare;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.certportal.completions.api.Attachment;
import org.certportal.completions.api.CompletionFile;
import org.certportal.completions.api.FileDownload;
import org.certportal.settings.api.OrganisationSettings;

/**
 * Attached files: checked against the organisation's limits before anything is written, stored with
 * their SHA-256, never overwritten (each upload is a new row).
 */
final class FileStore {
    static final int MAX_NAME = 255;
    private static final String COLUMNS = "id, completion_id, name, content_type, size_bytes, sha256, uploaded_by,"
            + " uploaded_at";

    private FileStore() {
    }

    /**
     * @return the attachment with its name and type cleaned, or null when there is none
     * @throws IllegalArgumentException when it breaks the size or type limits, or is empty or unnamed
     */
    static Attachment check(Attachment file, OrganisationSettings settings) {
        if (file == null) {
            return null;
        }
        String name = file.name() == null ? "" : file.name().strip().replaceAll("[\\\\/\\p{Cntrl}]", "_");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The file needs a name.");
        }
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("The file name is too long: at most " + MAX_NAME + " characters.");
        }
        if (file.content() == null || file.content().length == 0) {
            throw new IllegalArgumentException("The file " + name + " is empty.");
        }
        if (file.content().length > settings.maxUploadBytes()) {
            throw new IllegalArgumentException("The file " + name + " is too large: at most "
                    + settings.maxUploadBytes() + " bytes are accepted.");
        }
        String type = file.contentType() == null ? "" : file.contentType().strip().toLowerCase(Locale.ROOT);
        // parameters such as "; charset=..." do not change the kind of file
        int semicolon = type.indexOf(';');
        String declared = semicolon < 0 ? type : type.substring(0, semicolon).strip();
        Optional<String> stored = FileContent.acceptedType(file.content(), declared, settings.uploadTypes());
        if (stored.isEmpty()) {
            throw new IllegalArgumentException("The file " + name + " is not accepted: its content is "
                    + FileContent.describe(file.content()) + (declared.isEmpty() ? "" : " (sent as " + declared + ")")
                    + "; accepted: " + String.join(", ", new java.util.TreeSet<>(settings.uploadTypes())) + ".");
        }
        return new Attachment(name, stored.get(), file.content());
    }

    static CompletionFile insert(Connection c, long id, long completionId, Attachment file, String by, Instant at)
            throws SQLException {
        String sha = sha256(file.content());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO completion_file (" + COLUMNS + ", content)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setLong(2, completionId);
            ps.setString(3, file.name());
            ps.setString(4, file.contentType());
            ps.setLong(5, file.content().length);
            ps.setString(6, sha);
            ps.setString(7, by);
            ps.setTimestamp(8, Sql.utc(at));
            ps.setBytes(9, file.content());
            ps.executeUpdate();
        }
        return new CompletionFile(id, completionId, file.name(), file.contentType(), file.content().length, sha, by,
                at);
    }

    /** Newest first. */
    static List<CompletionFile> ofCompletions(Connection c, List<Long> completionIds) throws SQLException {
        List<CompletionFile> found = new ArrayList<>();
        for (List<Long> part : Sql.parts(completionIds)) {
            try (PreparedStatement ps = prepare(c, "SELECT " + COLUMNS + " FROM completion_file WHERE"
                    + " completion_id IN " + placeholders(part.size()) + " ORDER BY uploaded_at DESC, id DESC",
                    part); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(file(rs));
                }
            }
        }
        return found;
    }

    static Optional<FileDownload> load(Connection c, long fileId) throws SQLException {
        try (PreparedStatement ps = prepare(c, "SELECT " + COLUMNS + ", content FROM completion_file WHERE id = ?",
                List.of(fileId)); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new FileDownload(file(rs), rs.getBytes(9))) : Optional.empty();
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static CompletionFile file(ResultSet rs) throws SQLException {
        return new CompletionFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), Sql.instant(rs.getTimestamp(8)));
    }
}
