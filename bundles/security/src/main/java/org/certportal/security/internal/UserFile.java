package org.certportal.security.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.certportal.security.api.Role;

/**
 * The users file: one property per account, {@code name = hash;enabled;role,role;Display Name}, and
 * {@code @email.name = address} for an account with an email address (no user name starts with
 * '@', and files written before addresses existed read as they are).
 * Written to a temporary file and moved into place, so a crash never leaves half a file.
 */
final class UserFile {
    private static final String EMAIL_PREFIX = "@email.";
    private final Path path;

    UserFile(Path path) {
        this.path = path;
    }

    /** The configured file; a relative name lives in Karaf's etc folder. */
    static UserFile configured(String usersFile) {
        Path p = Path.of(usersFile);
        String etc = System.getProperty("karaf.etc");
        return new UserFile(p.isAbsolute() || etc == null ? p : Path.of(etc).resolve(p));
    }

    boolean exists() {
        return Files.exists(path);
    }

    /** Changes whenever the file is written or replaced; null when there is no file. */
    Object version() {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the users file " + path, e);
        }
    }

    Map<String, StoredUser> read() {
        Map<String, StoredUser> users = new TreeMap<>();
        if (!Files.exists(path)) {
            return users;
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the users file " + path, e);
        }
        for (String name : props.stringPropertyNames()) {
            if (!name.startsWith(EMAIL_PREFIX)) {
                users.put(name, parse(name, props.getProperty(name), props.getProperty(EMAIL_PREFIX + name)));
            }
        }
        return users;
    }

    void write(Map<String, StoredUser> users) {
        Map<String, String> lines = new LinkedHashMap<>();
        new TreeMap<>(users).forEach((name, u) -> {
            lines.put(name, format(u));
            if (u.email() != null) {
                lines.put(EMAIL_PREFIX + name, u.email());
            }
        });
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(path.toAbsolutePath().getParent(), ".users", ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                Properties props = new Properties();
                props.putAll(lines);
                props.store(out, "CertPortal portal users: name = password hash;enabled;roles;display name");
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the users file " + path, e);
        }
    }

    private StoredUser parse(String name, String value, String email) {
        String[] f = value.split(";", 4);
        if (f.length != 4) {
            throw new IllegalStateException("Users file " + path + ": entry '" + name
                    + "' must be 'hash;enabled;roles;display name'");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String id : f[2].split(",")) {
            if (!id.isBlank()) {
                roles.add(Role.fromId(id).orElseThrow(() -> new IllegalStateException("Users file " + path
                        + ": entry '" + name + "' has unknown role '" + id + "'")));
            }
        }
        return new StoredUser(name, f[3], roles, Boolean.parseBoolean(f[1]), f[0], email);
    }

    private static String format(StoredUser u) {
        String roles = Arrays.stream(Role.values()).filter(u.roles()::contains).map(Role::id)
                .collect(Collectors.joining(","));
        return u.passwordHash() + ";" + u.enabled() + ";" + roles + ";" + u.displayName();
    }
}
