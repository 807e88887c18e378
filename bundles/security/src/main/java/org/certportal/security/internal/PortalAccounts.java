package org.certportal.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The accounts as the users file holds them now, read for every signed-in call so that taking
 * access away takes effect at once; the file is parsed again only when it changed on disk.
 */
final class PortalAccounts {
    private final UserFile file;
    private volatile Snapshot snapshot = new Snapshot(null, Map.of());

    private record Snapshot(Object version, Map<String, StoredUser> users) {
    }

    PortalAccounts(UserFile file) {
        this.file = file;
    }

    Optional<StoredUser> find(String userName) {
        Snapshot current = snapshot;
        Object version = file.version();
        if (version == null) {
            return Optional.empty();
        }
        if (!Objects.equals(version, current.version())) {
            current = new Snapshot(version, Map.copyOf(file.read()));
            snapshot = current;
        }
        return Optional.ofNullable(current.users().get(userName));
    }

    /** What a session remembers of the password it was opened with: a reset changes it. */
    static String stamp(StoredUser user) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(user.passwordHash().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
