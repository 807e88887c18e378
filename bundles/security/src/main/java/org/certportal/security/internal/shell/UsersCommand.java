package org.certportal.security.internal.shell;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.certportal.security.api.PortalUser;
import org.certportal.security.api.Role;
import org.certportal.security.api.UserDirectory;

@Command(scope = "certportal", name = "users", description = "Lists and manages portal users",
        detailedDescription = "Options come before the action. Actions:\n"
                + "  list                                             all users with roles and state\n"
                + "  --roles R[,R] [--name N] [--password P] [--email E] add USER   a password is generated when"
                + " none is given\n"
                + "  disable USER | enable USER                       refuse or allow sign-in\n"
                + "  --roles R[,R] roles USER                         replace the user's roles\n"
                + "  [--password P] reset-password USER               a password is generated when none is given\n"
                + "  --email ADDRESS email USER                       where the portal writes to the user; '' removes it\n"
                + "Roles: staff, certadmin, certmanager, studentrecords, sysadmin.")
@Service
public class UsersCommand implements Action {
    private static final List<String> ACTIONS = List.of("list", "add", "disable", "enable", "roles", "reset-password",
            "email");

    @Reference
    UserDirectory users;

    @Argument(index = 0, name = "action", required = true,
            description = "list, add, disable, enable, roles, reset-password or email")
    @Completion(value = StringsCompleter.class, values = { "list", "add", "disable", "enable", "roles",
        "reset-password", "email" })
    String action;

    @Argument(index = 1, name = "user", description = "the user name")
    @Completion(UserNameCompleter.class)
    String userName;

    @Option(name = "--roles", aliases = "-r", description = "comma-separated roles")
    @Completion(RoleCompleter.class)
    String roles;

    @Option(name = "--name", aliases = "-n", description = "display name")
    String displayName;

    @Option(name = "--password", aliases = "-p", description = "password (at least 8 characters)")
    String password;

    @Option(name = "--email", aliases = "-e", description = "email address ('' for none)")
    String email;

    /** Bad input and refusals throw: Karaf prints "Error executing command ...: " and the message. */
    @Override
    public Object execute() {
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("Unknown action '" + action + "'; use one of " + ACTIONS + ".");
        }
        if (!"list".equals(action) && (userName == null || userName.isBlank())) {
            throw new IllegalArgumentException("'" + action + "' needs a user name.");
        }
        switch (action) {
            case "list" -> list();
            case "add" -> {
                String pw = passwordOrGenerated();
                PortalUser u = users.add(userName, displayName, pw.toCharArray(), parseRoles(), email);
                System.out.println("Added " + u.userName() + " (" + titles(u.roles()) + ")");
                printGenerated(pw);
            }
            case "disable" -> System.out.println("Disabled " + users.setEnabled(userName, false).userName());
            case "enable" -> System.out.println("Enabled " + users.setEnabled(userName, true).userName());
            case "email" -> {
                if (email == null) {
                    throw new IllegalArgumentException("Give the address with --email, or --email '' to remove it.");
                }
                PortalUser u = users.setEmail(userName, email);
                System.out.println(u.userName() + (u.email() == null ? " has no email address" : " is written to at "
                        + u.email()));
            }
            case "roles" -> {
                PortalUser u = users.setRoles(userName, parseRoles());
                System.out.println(u.userName() + " now has roles: " + titles(u.roles()));
            }
            default -> {
                String pw = passwordOrGenerated();
                users.resetPassword(userName, pw.toCharArray());
                System.out.println("Password of " + userName + " reset");
                printGenerated(pw);
            }
        }
        return null;
    }

    private void list() {
        String format = "%-16s %-28s %-9s %-28s %s%n";
        System.out.printf(format, "USER", "NAME", "STATE", "ROLES", "EMAIL");
        for (PortalUser u : users.list()) {
            System.out.printf(format, u.userName(), u.displayName(), u.enabled() ? "enabled" : "disabled",
                    titles(u.roles()), u.email() == null ? "" : u.email());
        }
    }

    private Set<Role> parseRoles() {
        if (roles == null || roles.isBlank()) {
            throw new IllegalArgumentException("Give the roles with --roles, e.g. --roles staff,certadmin.");
        }
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        for (String id : roles.split(",")) {
            parsed.add(Role.fromId(id).orElseThrow(() -> new IllegalArgumentException("Unknown role '" + id.trim()
                    + "'; known roles: " + Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", "))
                    + ".")));
        }
        return parsed;
    }

    private String passwordOrGenerated() {
        if (password != null) {
            return password;
        }
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private void printGenerated(String pw) {
        if (password == null) {
            System.out.println("Generated password: " + pw);
        }
    }

    private static String titles(Set<Role> roles) {
        return Arrays.stream(Role.values()).filter(roles::contains).map(Role::id).collect(Collectors.joining(","));
    }
}
