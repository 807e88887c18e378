package org.certportal.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium through Debian's chromedriver: nothing is downloaded. */
public final class Chromium {
    private Chromium() {
    }

    public static WebDriver start() throws IOException {
        return start(options -> {
        });
    }

    /** As {@link #start()}, with options of one test added (more arguments, logging). */
    public static WebDriver start(java.util.function.Consumer<ChromeOptions> more) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,900",
                "--user-data-dir=" + Files.createTempDirectory("certportal-chromium").toAbsolutePath());
        more.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Saves what the browser shows under target/screenshots, for the report of a failed test. */
    public static void screenshot(WebDriver browser) {
        try {
            java.nio.file.Path dir = Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Files.write(dir.resolve(System.currentTimeMillis() + ".png"), png);
        } catch (IOException | RuntimeException e) {
            System.err.println("No screenshot: " + e);
        }
    }
}
