package org.certportal.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The certportal shell commands in the started distribution, through bin/client. */
public class ShellIT {
    private final KarafClient karaf = KarafClient.fromSystemProperties();

    @Test
    public void usersCommandManagesAccountsAndRefusesBadInput() throws Exception {
        String added = karaf.run("certportal:users --roles staff,certadmin --name \"Olga Operator\""
                + " --password olga-pass-1 --email olga@example.org add olga");
        assertTrue(added, added.contains("Added olga (staff,certadmin)"));

        // batch mode stops at the first failing command: one client call each
        assertRefused("certportal:users --roles wizard --password pete-pass-1 add pete", "Unknown role 'wizard'");
        assertRefused("certportal:users --roles staff --password pete-pass-1 add X-ray", "User name 'X-ray' is invalid");
        assertRefused("certportal:users --roles staff --password short add quentin", "Password is too short");
        assertRefused("certportal:users frobnicate", "Unknown action 'frobnicate'");
        assertRefused("certportal:users --roles staff --password olga-pass-2 add olga", "User 'olga' already exists");
        assertRefused("certportal:users --roles staff --password pete-pass-1 --email pete-at-home add pete",
                "Email 'pete-at-home' is not a valid address");
        assertRefused("certportal:users email olga", "Give the address with --email");

        String disabled = karaf.run("certportal:users disable olga", "certportal:users list");
        assertTrue(disabled, disabled.matches("(?s).*olga\\s+Olga Operator\\s+disabled\\s+staff,certadmin\\s+"
                + "olga@example.org.*"));
        String moved = karaf.run("certportal:users --email olga@ops.example.org email olga");
        assertTrue(moved, moved.contains("olga is written to at olga@ops.example.org"));
        assertFalse("refused input changed nothing", disabled.contains("pete") || disabled.contains("quentin"));

        String reset = karaf.run("certportal:users reset-password olga");
        assertTrue(reset, reset.matches("(?s).*Generated password: \\S{14}.*"));
    }

    private void assertRefused(String command, String message) throws Exception {
        String out = karaf.run(command);
        assertTrue(out, out.contains("Error executing command") && out.contains(message));
    }

    @Test
    public void viewsCommandListsContributions() throws Exception {
        String out = karaf.run("certportal:views");
        assertTrue(out, out.contains("ROUTE"));
        assertTrue(out, out.matches("(?s).*\\d+ view\\(s\\).*"));
        String help = karaf.run("certportal:views --help");
        assertTrue(help, help.contains("Lists the views contributed to the portal"));
    }
}
