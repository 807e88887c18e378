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
        run("sed", "-i", "s/^rmiRegistryPort *=.*/rmiRegistryPort = " + (SSH + 1) + "/; s/^rmiServerPort *=.*/rmiServerPort = "
                + (SSH + 2) + "/", home.resolve("etc/org.apache.karaf.management.cfg").toString());
        String url = "http://localhost:" + HTTP;
        WebDriver browser = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(50));
            long t0 = System.nanoTime();
            run(home.resolve("bin/start").toString());
            wait.until(d -> {
                try {
                    d.get(url + "/login");
                    return !d.findElements(By.id("sign-in")).isEmpty() && d.findElement(By.id("sign-in")).isDisplayed();
                } catch (RuntimeException notYet) {
                    return false;
                }
            });
            double coldStart = seconds(t0);

            browser.findElement(By.cssSelector("#username input")).sendKeys("certmanager");
            browser.findElement(By.cssSelector("#password input")).sendKeys("certportal");
            browser.findElement(By.id("sign-in")).click();
            wait.until(d -> !d.findElements(By.id("welcome")).isEmpty());
            long rssKb = rssOfKaraf(home);

            List<Double> deploys = new ArrayList<>();
            Path deployed = home.resolve("deploy/certportal-sample-views.jar");
            for (int i = 0; i < DEPLOYS; i++) {
                long t1 = System.nanoTime();
                Files.copy(sample, deployed, StandardCopyOption.REPLACE_EXISTING);
                wait.until(d -> {
                    d.get(url + "/sample");
                    return !d.findElements(By.id("sample-view")).isEmpty();
                });
                deploys.add(seconds(t1));
                Files.delete(deployed);
                wait.until(d -> {
                    d.get(url + "/sample");
                    return !d.findElements(By.id("not-found")).isEmpty();
                });
            }
            long rssAfterKb = rssOfKaraf(home);
            Collections.sort(deploys);
            System.out.printf("cold start to first rendered page: %.1f s (goal <= 20 s)%n", coldStart);
            System.out.printf("hot deploy of a view bundle to its view rendering, %d runs: median %.2f s, max %.2f s"
                    + " (goal <= 3 s; includes fileinstall's 1 s poll)%n", DEPLOYS, deploys.get(DEPLOYS / 2),
                    deploys.get(DEPLOYS - 1));
            System.out.printf("Karaf JVM RSS after sign-in: %d MiB; after %d deploy cycles: %d MiB (goal <= 1024 MiB)%n",
                    rssKb / 1024, DEPLOYS, rssAfterKb / 1024);
        } finally {
            browser.quit();
            run(home.resolve("bin/stop").toString());
            run("bash", "-c", "for i in $(seq 1 60); do pgrep -f 'karaf.home=" + home + "' >/dev/null || exit 0; sleep 0.5; done; "
                    + "pkill -9 -f 'karaf.home=" + home + "'");
            run("rm", "-rf", home.toString());
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long rssOfKaraf(Path home) throws IOException {
        long pid = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("karaf.home=" + home))
                .mapToLong(ProcessHandle::pid).findFirst().orElseThrow(() -> new IOException("Karaf JVM not found"));
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
    }
}
