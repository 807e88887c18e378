package org.certportal.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Which changelogs were applied in full, each with a checksum of its resources (table
 * applied_changelog, created by the platform's own changelog {@link #CHANGELOG}). Liquibase reads
 * every changeset and compares its checksum with the database at every start; a changelog whose
 * resources have the checksum recorded after its last complete update has nothing to apply, so the
 * migrator skips Liquibase for it. A changed, added or removed changeset changes the checksum, and
 * the next start runs Liquibase (which then records the new one).
 */
final class AppliedChangelogs {
    /** The platform's changelog: creates applied_changelog. */
    static final String CHANGELOG = "db/persistence.changelog.xml";
    /** Resources a changelog names (include file, sqlFile path): part of what it applies. */
    private static final Pattern REFERENCED = Pattern.compile("\\b(?:file|path)\\s*=\\s*\"([^\"]+)\"");

    private final DataSource dataSource;

    AppliedChangelogs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * SHA-256 over the changelog and every resource it names, recursively (include file, sqlFile
     * path), found by the owner's class loader; a named resource that is not there counts as empty.
     *
     * @throws IOException when the changelog itself is missing or unreadable
     */
    static String checksum(ClassLoader owner, String changelog) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Java without SHA-256", e);
        }
        Set<String> done = new LinkedHashSet<>();
        byte[] root = read(owner, changelog);
        if (root == null) {
            throw new IOException(changelog + " not found");
        }
        add(owner, changelog, root, digest, done);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void add(ClassLoader owner, String path, byte[] content, MessageDigest digest, Set<String> done)
            throws IOException {
        done.add(path);
        digest.update(path.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(content);
        Matcher m = REFERENCED.matcher(new String(content, StandardCharsets.UTF_8));
        String directory = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        while (m.find()) {
            for (String candidate : new String[] {m.group(1), directory + m.group(1)}) {
                if (done.contains(candidate)) {
                    continue;
                }
                byte[] referenced = read(owner, candidate);
                if (referenced != null) {
                    add(owner, candidate, referenced, digest, done);
                    break;
                }
            }
        }
    }

    private static byte[] read(ClassLoader owner, String path) throws IOException {
        try (InputStream in = owner.getResourceAsStream(path.startsWith("/") ? path.substring(1) : path)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /**
     * Whether the changelog was applied in full with exactly this checksum. False when it was not, or
     * when the table is not there yet (a database the platform's changelog has not reached).
     */
    boolean isApplied(String changelog, String checksum) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT checksum FROM applied_changelog WHERE changelog = ?")) {
            ps.setString(1, changelog);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && checksum.equals(rs.getString(1));
            }
        } catch (SQLException notKnown) {
            // no table yet, or no database: Liquibase decides (and reports an unreachable database)
            return false;
        }
    }

    /** Records that the changelog with this checksum was applied in full (after Liquibase's update). */
    void recordApplied(String changelog, String checksum) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE applied_changelog SET checksum = ?, applied_at = ? WHERE changelog = ?")) {
                update.setString(1, checksum);
                update.setTimestamp(2, now);
                update.setString(3, changelog);
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO applied_changelog (changelog, checksum, applied_at) VALUES (?, ?, ?)")) {
                insert.setString(1, changelog);
                insert.setString(2, checksum);
                insert.setTimestamp(3, now);
                insert.executeUpdate();
            } catch (SQLException inserted) {
                // another portal recorded it at the same moment; both applied the same changelog
                if (!isApplied(changelog, checksum)) {
                    throw inserted;
                }
            }
        }
    }
}
