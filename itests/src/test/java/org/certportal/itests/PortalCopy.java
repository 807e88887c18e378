package org.certportal.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A copy of the built distribution in its own directory under target/, on its own ports and its own
 * PostgreSQL cluster. For the tests that kill the portal, restart it or start it without its database:
 * neither the shared portal nor Pax Exam's container may be treated that way.
 */
final class PortalCopy {
    private static final String PG_SCRIPT = new File("src/test/scripts/pg.sh").getPath();

    private final Path home;
    private final Path pgData;
    private final int http;
    private final int ssh;
    private final int pg;
    private KarafClient karaf;

    /** The copy in target/{name}-portal, its cluster in target/{name}-pgdata; RMI takes the two ports after ssh. */
    PortalCopy(String name, int http, int ssh, int pg) {
        this.home = Path.of("target", name + "-portal").toAbsolutePath();
        this.pgData = Path.of("target", name + "-pgdata").toAbsolutePath();
        this.http = http;
        this.ssh = ssh;
        this.pg = pg;
    }

    Path home() {
        return home;
    }

    /** Unpacks the distribution afresh, on this copy's ports and on PostgreSQL at this copy's port. */
    void unpack() throws Exception {
        unpack("");
    }

    /** As {@link #unpack()}, with the given query (e.g. {@code ?reWriteBatchedInserts=true}) on the JDBC URL. */
    void unpack(String jdbcUrlQuery) throws Exception {
        command(Duration.ofSeconds(60), "rm", "-rf", home.toString());
        Files.createDirectories(home);
        command(Duration.ofSeconds(120), "tar", "-xzf", System.getProperty("certportal.assembly"), "-C",
                home.toString(), "--strip-components=1");
        Files.writeString(home.resolve("etc/org.ops4j.pax.web.cfg"), "\norg.osgi.service.http.port = " + http + "\n",
                StandardOpenOption.APPEND);
        sed("s/^sshPort *=.*/sshPort = " + ssh + "/", "etc/org.apache.karaf.shell.cfg");
        sed("s/^rmiRegistryPort *=.*/rmiRegistryPort = " + (ssh + 1) + "/; s/^rmiServerPort *=.*/rmiServerPort = "
                + (ssh + 2) + "/", "etc/org.apache.karaf.management.cfg");
        sed("s#^osgi.jdbc.driver.class.*#osgi.jdbc.driver.class = org.postgresql.Driver#; s#^url .*#url = "
                + "jdbc:postgresql://127.0.0.1:" + pg + "/certportal" + jdbcUrlQuery + "#; s#^user .*#user = postgres#",
                "etc/org.ops4j.datasource-certportal.cfg");
    }

    /** Sets {@code key = value} in the copy's etc/{file}: the key's line replaced, or added when there is none. */
    void configure(String file, String key, String value) throws IOException {
        Path path = home.resolve("etc").resolve(file);
        List<String> lines = Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
        String line = key + " = " + value;
        List<String> edited = lines.stream().map(l -> l.matches(java.util.regex.Pattern.quote(key) + "\\s*[=:].*")
                ? line : l).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        if (!edited.contains(line)) {
            edited.add(line);
        }
        Files.write(path, edited, StandardCharsets.UTF_8);
    }

    void startDatabase() throws Exception {
        command(Duration.ofSeconds(120), "bash", PG_SCRIPT, "start", pgData.toString(), String.valueOf(pg));
    }

    void stopDatabase() throws Exception {
        command(Duration.ofSeconds(60), "bash", PG_SCRIPT, "stop", pgData.toString(), String.valueOf(pg));
    }

    /** The first start of a fresh copy: keeps the admin password it prints and returns a client logged in with it. */
    KarafClient firstStart() throws Exception {
        KarafClient.keepAdminPassword(home, command(Duration.ofSeconds(60), home.resolve("bin/start").toString()));
        karaf = new KarafClient(home.toString(), String.valueOf(ssh));
        return karaf;
    }

    /** Starts Karaf again (after {@link #kill()}). */
    void start() throws Exception {
        command(Duration.ofSeconds(60), home.resolve("bin/start").toString());
    }

    /** Stops Karaf the orderly way, if the copy was unpacked. */
    void stop() throws Exception {
        if (Files.exists(home.resolve("bin/stop"))) {
            command(Duration.ofSeconds(60), home.resolve("bin/stop").toString());
        }
    }

    /** SIGKILL of the Karaf JVM: no shutdown hook, no rollback but the database's. Returns once it is gone. */
    void kill() throws Exception {
        ProcessHandle jvm = karafProcess().orElseThrow(() -> new AssertionError("no Karaf JVM for " + home));
        jvm.destroyForcibly();
        jvm.onExit().get(60, TimeUnit.SECONDS);
    }

    /** For clean-up: SIGKILL of the Karaf JVM if it runs, without waiting for it. */
    void killIfRunning() {
        karafProcess().ifPresent(ProcessHandle::destroyForcibly);
    }

    /** The Karaf JVM of this copy (its command line names its home), if it runs. */
    private Optional<ProcessHandle> karafProcess() {
        String homeProperty = "karaf.home=" + home;
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(homeProperty)
                && c.contains("java")).orElse(false)).findFirst();
    }

    /** What the shell command printed, or "" while the shell does not answer (for polling). */
    String shell(String command) {
        try {
            return karaf.run(command);
        } catch (Exception e) {
            return "";
        }
    }

    /** The single number a query returns on this copy's database: 0 for no row, -1 while it does not answer. */
    long sqlLong(String sql) {
        try {
            String out = command(Duration.ofSeconds(60), "psql", "-h", "127.0.0.1", "-p", String.valueOf(pg), "-U",
                    "postgres", "-d", "certportal", "-tAc", sql).strip();
            return out.isEmpty() ? 0 : Long.parseLong(out);
        } catch (Exception e) {
            return -1;
        }
    }

    /** The first column of the first row a query returns on this copy's database: "" for no row or no answer. */
    String sqlText(String sql) {
        try {
            return command(Duration.ofSeconds(60), "psql", "-h", "127.0.0.1", "-p", String.valueOf(pg), "-U",
                    "postgres", "-d", "certportal", "-tAc", sql).lines().findFirst().orElse("").strip();
        } catch (Exception e) {
            return "";
        }
    }

    /** The single number a query returns on the named database of this copy's cluster. */
    long sqlLong(String database, String sql) throws Exception {
        String out = command(Duration.ofSeconds(60), "psql", "-h", "127.0.0.1", "-p", String.valueOf(pg), "-U",
                "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-tAc", sql).strip();
        return out.isEmpty() ? 0 : Long.parseLong(out);
    }

    /** A PostgreSQL client tool (pg_dump, pg_restore, createdb, psql) on this copy's cluster, as user postgres. */
    String pgTool(String tool, String... args) throws Exception {
        String[] line = new String[args.length + 7];
        line[0] = tool;
        System.arraycopy(new String[] { "-h", "127.0.0.1", "-p", String.valueOf(pg), "-U", "postgres" }, 0, line, 1, 6);
        System.arraycopy(args, 0, line, 7, args.length);
        return command(Duration.ofSeconds(120), line);
    }

    /** Points the running portal's data source at another database of the cluster (Karaf reads the change). */
    void useDatabase(String database) throws Exception {
        sed("s#^url .*#url = jdbc:postgresql://127.0.0.1:" + pg + "/" + database + "#",
                "etc/org.ops4j.datasource-certportal.cfg");
    }

    /** The copy's karaf.log lines at level ERROR. */
    java.util.List<String> errors() {
        return log().lines().filter(l -> l.contains("| ERROR |")).toList();
    }

    /** The copy's karaf.log, "" before there is one. */
    String log() {
        try {
            return Files.readString(home.resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Polls the condition until it holds; past the limit fails with the tail of the copy's log. */
    void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                String log = log();
                throw new AssertionError("not within " + limit.toSeconds() + " s; log tail:\n"
                        + log.lines().skip(Math.max(0, log.lines().count() - 40)).reduce("", (a, b) -> a + b + "\n"));
            }
            Thread.sleep(200);
        }
    }

    private void sed(String script, String file) throws Exception {
        command(Duration.ofSeconds(30), "sed", "-i", script, home.resolve(file).toString());
    }

    private static String command(Duration limit, String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", args) + " failed: " + out);
        }
        return out;
    }
}
