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
                + " --password olga-pass-1 add olga");
        assertTrue(added, added.contains("Added olga (staff,certadmin)"));

        String bad = karaf.run("certportal:users --roles wizard --password pete-pass-1 add pete",
                "certportal:users --roles staff --password pete-pass-1 add X-ray",
                "certportal:users --roles staff --password short add quentin",
                "certportal:users frobnicate");
        assertTrue(bad, bad.contains("Unknown role 'wizard'"));
        assertTrue(bad, bad.contains("User name 'X-ray' is invalid"));
        assertTrue(bad, bad.contains("Password is too short"));
        assertTrue(bad, bad.contains("Unknown action 'frobnicate'"));

        String disabled = karaf.run("certportal:users disable olga", "certportal:users list");
        assertTrue(disabled, disabled.matches("(?s).*olga\\s+Olga Operator\\s+disabled\\s+staff,certadmin.*"));
        assertFalse("refused input changed nothing", disabled.contains("pete") || disabled.contains("quentin"));

        String reset = karaf.run("certportal:users reset-password olga");
        assertTrue(reset, reset.matches("(?s).*Generated password: \\S{14}.*"));
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
