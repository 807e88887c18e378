package org.certportal.itests.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certportal.itests.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Platform benchmark (run by {@code karaf-assembly/portal.sh bench}, not a test): cold start of a
 * fresh copy of the distribution to the first rendered sign-in page, hot deploy of a view bundle
 * (dropped into deploy/) to its view rendering, and the Karaf JVM's resident memory after sign-in.
 */
public final class PlatformBenchmark {
    private static final int HTTP = 19181;
    private static final int SSH = 19101;
    private static final int DEPLOYS = 5;

    private PlatformBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path archive = Path.of(System.getProperty("certportal.assembly"));
        Path sample = Path.of(System.getProperty("certportal.sampleViews"));
        Path home = Files.createTempDirectory("certportal-bench");
        run("tar", "-xzf", archive.toString(), "-C", home.toString(), "--strip-components=1");
        Files.writeString(home.resolve("etc/org.ops4j.pax.web.cfg"), "\norg.osgi.service.http.port = " + HTTP + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        run("sed", "-i", "s/^sshPort *=.*/sshPort = " + SSH + "/", home.resolve("etc/org.apache.karaf.shell.cfg").toString());
        run("sed", "-i", "s/^demoUsers *=.*/demoUsers = true/", home.resolve("etc/org.certportal.security.cfg").toString());
        run("sed", "-i", "s/^rmiRegistryPort *=.*/rmiRegistryPort = " + (SSH + 1) + "/; s/^rmiServerPort *=.*/rmiServerPort = "
                + (SSH + 2) + "/", home.resolve("etc/org.apache.karaf.management.cfg").toString());
        String url = "http://localhost:" + HTTP;
        WebDriver browser = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(50));
            long t0 = System.nanoTime();
            run(home.resolve("bin/start").toString());
            double httpUp = awaitHttp(url + "/login", t0);
            openUntilShown(browser, url + "/login", "sign-in");
            double coldStart = seconds(t0);
            System.out.printf("portal answered HTTP 200 after %.1f s, rendered its sign-in page after %.1f s%n", httpUp,
                    coldStart);

            browser.findElement(By.cssSelector("#username input")).sendKeys("certmanager");
            browser.findElement(By.cssSelector("#password input")).sendKeys("certportal");
            browser.findElement(By.id("sign-in")).click();
            wait.until(d -> !d.findElements(By.id("welcome")).isEmpty());
            long rssKb = rssOfKaraf(home);
            System.out.println("signed in; deploying the sample view bundle " + DEPLOYS + " times");

            List<Double> deploys = new ArrayList<>();
            Path deployed = home.resolve("deploy/certportal-sample-views.jar");
            for (int i = 0; i < DEPLOYS; i++) {
                long t1 = System.nanoTime();
                Files.copy(sample, deployed, StandardCopyOption.REPLACE_EXISTING);
                openUntilShown(browser, url + "/sample", "sample-view");
                deploys.add(seconds(t1));
                Files.delete(deployed);
                openUntilShown(browser, url + "/sample", "not-found");
            }
            long rssAfterKb = rssOfKaraf(home);
            Collections.sort(deploys);
            System.out.printf("cold start to first rendered page: %.1f s (goal <= 20 s)%n", coldStart);
            System.out.printf("hot deploy of a view bundle to its view rendering, %d runs: median %.2f s, max %.2f s"
                    + " (goal <= 3 s; includes fileinstall's 1 s poll)%n", DEPLOYS, deploys.get(DEPLOYS / 2),
                    deploys.get(DEPLOYS - 1));
            System.out.printf("Karaf JVM RSS after sign-in: %d MiB; after %d deploy cycles: %d MiB (goal <= 1024 MiB)%n",
                    rssKb / 1024, DEPLOYS, rssAfterKb / 1024);
        } catch (RuntimeException e) {
            Path log = home.resolve("data/log/karaf.log");
            System.out.println("benchmark failed: " + e.getMessage().lines().findFirst().orElse("") + "; Karaf "
                    + (karafOf(home).isPresent() ? "running" : "not running") + "; last log lines:");
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log);
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(System.out::println);
            }
            throw e;
        } finally {
            browser.quit();
            karafOf(home).ifPresent(karaf -> {
                karaf.destroy();
                karaf.onExit().orTimeout(60, TimeUnit.SECONDS).exceptionally(t -> {
                    karaf.destroyForcibly();
                    return karaf;
                }).join();
            });
            run("rm", "-rf", home.toString());
        }
    }

    /** Polls the address every 50 ms until it answers 200; returns the seconds since the start. */
    private static double awaitHttp(String address, long startNanos) throws InterruptedException {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(address))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = startNanos + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return seconds(startNanos);
                }
            } catch (IOException notYet) {
                // connection refused while Karaf starts
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(address + " did not answer within two minutes");
    }

    /**
     * Loads the page until it renders the element: each load waits until Vaadin has rendered some
     * portal page, then looks for the element, and loads again if it is not there (two minutes at most).
     */
    private static void openUntilShown(WebDriver browser, String address, String id) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        By rendered = By.cssSelector("#not-found, #sign-in, #sample-view, #welcome, #access-denied");
        while (true) {
            try {
                browser.get(address);
                new WebDriverWait(browser, Duration.ofSeconds(5), Duration.ofMillis(20))
                        .until(d -> !d.findElements(rendered).isEmpty());
                if (!browser.findElements(By.id(id)).isEmpty()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not served yet: the server is starting or the page is still loading
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(address + " did not show #" + id + " within two minutes");
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static java.util.Optional<ProcessHandle> karafOf(Path home) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("-Dkaraf.home=" + home)).findFirst();
    }

    private static long rssOfKaraf(Path home) throws IOException {
        long pid = karafOf(home).orElseThrow(() -> new IOException("Karaf JVM not found")).pid();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        File log = File.createTempFile("certportal-bench", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + Files.readString(log.toPath()));
        }
        Files.delete(log.toPath());
    }
}
