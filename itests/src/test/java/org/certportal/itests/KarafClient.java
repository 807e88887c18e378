package org.certportal.itests;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs commands in the started portal through Karaf's bin/client, as an operator would. */
final class KarafClient {
    private final File home;
    private final String port;

    KarafClient(String home, String port) {
        this.home = new File(home);
        this.port = port;
    }

    static KarafClient fromSystemProperties() {
        return new KarafClient(System.getProperty("certportal.portal.home"),
                System.getProperty("certportal.portal.sshPort"));
    }

    File home() {
        return home;
    }

    /**
     * The password of Karaf's admin that the portal's first start generated and printed (the tests'
     * portal.sh keeps it beside the portal's directory).
     */
    String adminPassword() throws IOException {
        return Files.readString(Path.of(home.getPath() + ".admin-password")).strip();
    }

    /**
     * Keeps the admin password printed by the first start of the portal in {@code home} (what bin/start
     * said) where {@link #adminPassword()} finds it, as the tests' portal.sh does.
     */
    static void keepAdminPassword(Path home, String startOutput) throws IOException {
        String said = startOutput.replaceAll("(?s).*with the password\\s*\\n\\s*(\\S+).*", "$1");
        if (said.equals(startOutput)) {
            throw new IOException("the first start printed no admin password: " + startOutput);
        }
        Files.writeString(Path.of(home + ".admin-password"), said);
    }

    /** Runs the commands (one per line) and returns what they printed, errors included. */
    String run(String... commands) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new File(home, "bin/client").getPath(), "-a", port, "-u", "admin", "-p",
                adminPassword(), "-r", "5", "-b").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("bin/client did not finish: " + out);
        }
        return out;
    }
}
