package org.certportal.itests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a start's time went, read from karaf.log of a portal started with Pax Logging's framework
 * events at INFO ({@link #LOG_BUNDLE_EVENTS}): every bundle's STARTING event and the next event in
 * the same thread delimit that bundle's synchronous start (its activator and the Declarative Services
 * components SCR activates as it starts), and the features service's "Done." ends the provisioning.
 * The lines of the portal's own start-up work (migrations, the shell's Vaadin start) are listed with
 * their time, so the synchronous part and the work done elsewhere can both be seen.
 */
final class BootTimeline {
    /** A line for etc/system.properties: Pax Logging then logs bundle events (logger Events.Bundle). */
    static final String LOG_BUNDLE_EVENTS = "org.ops4j.pax.logging.service.frameworkEventsLogLevel = INFO";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSS");
    /** What the portal's start-up logs about its own work, worth seeing on the timeline. */
    private static final Pattern MILESTONE = Pattern.compile("Schema of .*|Schemas? .* up to date.*|"
            + "Vaadin .*|.*Deployed .*|Adding features: .*|Done\\.|Changes to perform:.*|.*CertPortal .*");

    private record Line(long millis, String thread, String logger, String bundle, String message) {
    }

    private BootTimeline() {
    }

    /**
     * Prints the slowest bundle starts and the milestones of the start that began at startMillis (the
     * epoch milliseconds at which bin/start was run), from the lines logged since then.
     */
    static void print(Path karafLog, long startMillis, int slowest) throws IOException {
        List<Line> lines = read(karafLog, startMillis);
        if (lines.stream().noneMatch(l -> l.message.startsWith("BundleEvent"))) {
            System.out.println("  (no bundle events in " + karafLog + ": " + LOG_BUNDLE_EVENTS + " missing?)");
            return;
        }
        Map<String, Long> startCost = new HashMap<>();
        Map<String, Line> starting = new HashMap<>(); // per thread: the bundle being started
        long lastEvent = startMillis;
        for (Line line : lines) {
            if (line.message.startsWith("BundleEvent") || line.message.equals("Done.")) {
                Line open = starting.remove(line.thread);
                if (open != null) {
                    startCost.merge(open.bundle, line.millis - open.millis, Long::sum);
                }
                if (line.message.startsWith("BundleEvent STARTING")) {
                    starting.put(line.thread, line);
                }
                lastEvent = Math.max(lastEvent, line.millis);
            }
        }
        long certportal = startCost.entrySet().stream().filter(e -> e.getKey().startsWith("org.certportal"))
                .mapToLong(Map.Entry::getValue).sum();
        long all = startCost.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("  bundle starts: %d bundles, %.1f s synchronous start in all (CertPortal's %.1f s);"
                + " last bundle event at %.1f s%n", startCost.size(), all / 1e3, certportal / 1e3,
                (lastEvent - startMillis) / 1e3);
        System.out.printf("  slowest %d bundle starts (STARTING to the next event in its thread):%n", slowest);
        startCost.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(slowest)
                .forEach(e -> System.out.printf("    %6d ms  %s%n", e.getValue(), e.getKey()));
        System.out.println("  milestones (seconds since bin/start):");
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Line line : lines) {
            Matcher m = MILESTONE.matcher(line.message);
            if (m.matches() && seen.merge(line.message, 1, Integer::sum) == 1) {
                String text = line.message.length() > 110 ? line.message.substring(0, 110) + "..." : line.message;
                System.out.printf("    %6.1f s  [%s] %s%n", (line.millis - startMillis) / 1e3, line.bundle, text);
            }
        }
    }

    /**
     * When the bundle's INSTALLED and STARTED events came, in milliseconds after sinceMillis (the
     * moment its jar was put into deploy/): "installed +1040 ms, started +1130 ms".
     */
    static String deploySteps(Path karafLog, long sinceMillis, String bundle) throws IOException {
        StringBuilder steps = new StringBuilder();
        for (Line line : read(karafLog, sinceMillis)) {
            if (line.bundle.equals(bundle) && (line.message.equals("BundleEvent INSTALLED")
                    || line.message.equals("BundleEvent STARTED"))) {
                steps.append(steps.length() == 0 ? "" : ", ").append(line.message.substring(12).toLowerCase())
                        .append(" +").append(line.millis - sinceMillis).append(" ms");
            }
        }
        return steps.length() == 0 ? "no bundle events" : steps.toString();
    }

    private static List<Line> read(Path karafLog, long startMillis) throws IOException {
        List<Line> lines = new ArrayList<>();
        ZoneId zone = ZoneId.systemDefault();
        for (String raw : Files.readAllLines(karafLog)) {
            String[] f = raw.split(" \\| ", 6);
            if (f.length < 6 || f[0].length() < 23) {
                continue; // a stack trace or a continued message
            }
            long millis;
            try {
                millis = LocalDateTime.parse(f[0].trim(), STAMP).atZone(zone).toInstant().toEpochMilli();
            } catch (java.time.format.DateTimeParseException notAStamp) {
                continue;
            }
            if (millis >= startMillis) {
                lines.add(new Line(millis, f[2].trim(), f[3].trim(), bundleName(f[4]), f[5].trim()));
            }
        }
        lines.sort(Comparator.comparingLong(Line::millis));
        return lines;
    }

    /** "42 - org.certportal.contacts - 0.1.0.SNAPSHOT" is org.certportal.contacts. */
    private static String bundleName(String field) {
        String[] parts = field.trim().split(" - ");
        return parts.length >= 2 ? parts[1] : field.trim();
    }
}
