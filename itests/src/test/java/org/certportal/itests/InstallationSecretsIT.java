package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * Nothing to guess in a fresh installation (the distribution as the tests' portal.sh starts it, like
 * an administrator would): Karaf's admin has a generated password stored as a hash, the shutdown
 * command is generated, ssh answers on this machine only, and the files are the owner's alone.
 */
public class InstallationSecretsIT {
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private final KarafClient karaf = KarafClient.fromSystemProperties();
    private final Path home = karaf.home().toPath();
    private final int sshPort = Integer.parseInt(System.getProperty("certportal.portal.sshPort"));

    @Test
    public void karafsAdminSignsInWithTheGeneratedPasswordOnlyAndItIsStoredAsAHash() throws Exception {
        String password = karaf.adminPassword();
        assertTrue(password, password.length() >= 20 && !password.equals("admin"));
        assertTrue(karaf.run("echo signed-in").contains("signed-in"));
        String refused = client("admin", "admin", "echo signed-in");
        assertFalse("admin/admin signs in: " + refused, refused.lines().anyMatch(l -> l.strip().equals("signed-in")));

        String adminLine = Files.readAllLines(home.resolve("etc/users.properties")).stream()
                .filter(l -> l.startsWith("admin ") || l.startsWith("admin=")).findFirst().orElseThrow();
        assertFalse(adminLine, adminLine.contains(password));
        Matcher hash = Pattern.compile("admin *= *\\{CRYPT\\}(\\S+)\\{CRYPT\\},.*").matcher(adminLine);
        assertTrue(adminLine, hash.matches());
    }

    @Test
    public void theShutdownCommandIsGeneratedAtInstallation() throws Exception {
        List<String> commands = Files.readAllLines(home.resolve("etc/config.properties")).stream()
                .filter(l -> l.matches("karaf\\.shutdown\\.command *=.*"))
                .map(l -> l.substring(l.indexOf('=') + 1).strip()).toList();
        assertEquals(commands.toString(), 1, commands.size());
        assertTrue(commands.get(0), commands.get(0).length() >= 24 && !commands.get(0).equals("SHUTDOWN"));
    }

    @Test
    public void sshAnswersOnThisMachineOnly() throws Exception {
        String listening = run("ss", "-ltnH", "sport = :" + sshPort);
        // the local address of each listening socket (Java's IPv6 sockets show 127.0.0.1 as [::ffff:127.0.0.1],
        // and every address as * or [::])
        List<String> addresses = listening.lines().map(l -> l.trim().split("\\s+")[3]).toList();
        assertFalse("nothing listens on " + sshPort, addresses.isEmpty());
        assertTrue(listening, addresses.stream().allMatch(a -> a.equals("127.0.0.1:" + sshPort)
                || a.equals("[::ffff:127.0.0.1]:" + sshPort)));
        // and from this machine's other addresses, nothing answers
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    assertFalse("ssh answers on " + address, answers(address));
                }
            }
        }
    }

    @Test
    public void theInstallationItsConfigurationDatabaseAndLogsAreTheOwnersAlone() throws Exception {
        try (Stream<Path> files = Files.walk(home)) {
            List<String> open = files.filter(f -> !Files.isSymbolicLink(f)).filter(f -> !Collections.disjoint(
                    GROUP_OR_OTHERS, permissions(f))).map(f -> home.relativize(f) + " " + permissions(f)).toList();
            assertTrue("open to others: " + open, open.isEmpty());
        }
        // the files that matter were there to check
        for (String file : List.of("etc/users.properties", "etc/certportal-users.properties",
                "etc/org.ops4j.datasource-certportal.cfg", "etc/org.certportal.mail.cfg", "etc/config.properties",
                "data/db/certportal.mv.db", "data/log/karaf.log")) {
            assertTrue(file, Files.isRegularFile(home.resolve(file)));
        }
    }

    @Test
    public void theStoredHashIsNotAPlainDigestOfThePassword() throws Exception {
        String adminLine = Files.readAllLines(home.resolve("etc/users.properties")).stream()
                .filter(l -> l.startsWith("admin ")).findFirst().orElseThrow();
        String digest = String.format("%064x", new BigInteger(1, MessageDigest.getInstance("SHA-256")
                .digest(karaf.adminPassword().getBytes(StandardCharsets.UTF_8))));
        assertFalse("unsalted SHA-256: " + adminLine, adminLine.toLowerCase().contains(digest));
    }

    private Set<PosixFilePermission> permissions(Path file) {
        try {
            return Files.getPosixFilePermissions(file);
        } catch (IOException e) {
            return Set.of(); // gone while walking (a rotated log)
        }
    }

    private boolean answers(InetAddress address) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, sshPort), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String client(String user, String password, String command) throws Exception {
        return run(home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort), "-u", user, "-p", password,
                "-r", "1", "-b", command);
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close(); // nothing to read: bin/client in batch mode ends at once
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish: " + out);
        }
        return out;
    }
}
