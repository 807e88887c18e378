package org.certportal.process.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.certportal.security.api.Caller;
import org.certportal.security.api.Role;

/**
 * Who a run works for, stored with it (user name and role ids) and turned back into a JAAS
 * subject the security service reads, so that rows are processed, checked and audited as that user.
 * The roles are those held when the run was started or scheduled.
 */
final class CallerSubjects {
    private CallerSubjects() {
    }

    static String roles(Caller caller) {
        return caller.roles().stream().map(Role::id).sorted().collect(Collectors.joining(","));
    }

    static Caller caller(String userName, String roleIds) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String id : roleIds == null ? new String[0] : roleIds.split(",")) {
            Role.fromId(id).ifPresent(roles::add);
        }
        return new Caller(userName, userName, roles);
    }

    static Subject subject(Caller caller) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(caller.userName()));
        caller.roles().forEach(r -> subject.getPrincipals().add(new RolePrincipal(r.id())));
        subject.setReadOnly();
        return subject;
    }
}
