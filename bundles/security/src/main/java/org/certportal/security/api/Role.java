package org.certportal.security.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The portal roles (docs/staff/README.md says what each may do). A role includes the rights of the
 * roles it lists, so a permission granted to {@link #STAFF} is also held by a Certification Admin, and
 * so on.
 */
public enum Role {
    STAFF("staff", "Staff"),
    CERTIFICATION_ADMIN("certadmin", "Certification Admin", STAFF),
    CERTIFICATION_MANAGER("certmanager", "Certification Manager", CERTIFICATION_ADMIN),
    STUDENT_RECORDS("studentrecords", "Student Records"),
    SYSADMIN("sysadmin", "SysAdmin", CERTIFICATION_MANAGER, STUDENT_RECORDS);

    private final String id;
    private final String title;
    private final Role[] includes;

    Role(String id, String title, Role... includes) {
        this.id = id;
        this.title = title;
        this.includes = includes;
    }

    /** The name stored in the user directory and carried by the JAAS role principal. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** This role and every role whose rights it includes. */
    public Set<Role> withIncluded() {
        Set<Role> all = EnumSet.of(this);
        for (Role r : includes) {
            all.addAll(r.withIncluded());
        }
        return all;
    }

    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equalsIgnoreCase(id == null ? "" : id.trim())).findFirst();
    }
}
