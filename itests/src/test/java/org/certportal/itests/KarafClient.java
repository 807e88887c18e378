package org.certportal.itests;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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

    /** Runs the commands (one per line) and returns what they printed, errors included. */
    String run(String... commands) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new File(home, "bin/client").getPath(), "-a", port, "-u", "admin", "-p", "admin",
                "-r", "5", "-b").redirectErrorStream(true).start();
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
