package org.certportal.persistence.ownership;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which feature area owns which table, and where one area's code names another area's table. An
 * area is a directory {@code bundles/AREA}; it owns the tables its own changelogs
 * ({@code src/main/resources/db/*.changelog.xml}) create. Views are published read contracts: any
 * area may name them. Areas meet through APIs and views only, so a reference is: in an area's Java
 * SQL (string literals, adjacent ones joined by {@code +}) a table of another area after FROM (and
 * its comma list), JOIN, INTO, UPDATE, TABLE or TRUNCATE; a JPA {@code @Table(name = ...)} of another
 * area's table; in an area's changelog, another area's table as a {@code tableName} attribute or in
 * the SQL of a view or an {@code <sql>} change.
 */
final class TableOwnership {
    /** One reference from an area's source to a table another area owns. */
    record Reference(Path file, int line, String area, String table, String owner) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + area + " names " + table + ", a table of " + owner;
        }
    }

    private static final Pattern CREATE_TABLE = Pattern.compile("<createTable\\b[^>]*\\btableName=\"(\\w+)\"");
    private static final Pattern CREATE_VIEW = Pattern.compile("<createView\\b[^>]*\\bviewName=\"(\\w+)\"");
    private static final Pattern TABLE_ATTRIBUTE = Pattern.compile("\\b(?:baseT|referencedT|t)ableName=\"(\\w+)\"");
    private static final Pattern CHANGELOG_SQL = Pattern.compile(
            "<(createView|sql)\\b[^>]*>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern JPA_TABLE = Pattern.compile("@Table\\s*\\(\\s*name\\s*=\\s*\"(\\w+)\"");
    /** A literal is SQL when it holds an upper-case keyword or starts with a statement (English text does neither). */
    private static final Pattern SQL_LIKE = Pattern.compile(
            "\\b(SELECT|FROM|JOIN|INTO|UPDATE|DELETE|INSERT|WHERE|TABLE)\\b"
            + "|^\\s*(?i:select|insert|update|delete|with|create|alter|drop|truncate|merge)\\s");
    private static final Pattern BEFORE_TABLE = Pattern.compile("(?i)\\b(JOIN|INTO|UPDATE|TABLE|TRUNCATE)\\s+"
            + "(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+|ONLY\\s+)?([A-Za-z_][\\w.]*)");
    private static final Pattern FROM_LIST = Pattern.compile("(?i)\\bFROM\\s+([^;()]*?)(?=\\b(?:WHERE|JOIN|LEFT|RIGHT"
            + "|INNER|OUTER|CROSS|FULL|ON|ORDER|GROUP|HAVING|LIMIT|OFFSET|UNION|FOR|USING|SET|RETURNING)\\b|[;()]|$)");

    /**
     * The benchmarks are no area: a raw-JDBC yardstick measures an area against its own tables, so a
     * bench file may name the tables it declares in a comment {@code Raw-JDBC yardstick of: t1, t2}, and
     * no other.
     */
    static final String BENCH = "bench";
    private static final Pattern YARDSTICK = Pattern.compile("Raw-JDBC yardstick of:\\s*([\\w, ]+)");

    private TableOwnership() {
    }

    static Set<String> yardstickTables(String source) {
        Set<String> tables = new java.util.HashSet<>();
        Matcher m = YARDSTICK.matcher(source);
        while (m.find()) {
            for (String t : m.group(1).split(",")) {
                if (!t.isBlank()) {
                    tables.add(t.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    /** Table name → owning area, from every area's changelogs. */
    static Map<String, String> owners(Path bundles) {
        Map<String, String> owners = new TreeMap<>();
        for (Path changelog : changelogs(bundles)) {
            Matcher m = CREATE_TABLE.matcher(read(changelog));
            while (m.find()) {
                owners.put(m.group(1).toLowerCase(Locale.ROOT), area(bundles, changelog));
            }
        }
        return owners;
    }

    /** Every reference from one area's sources to another area's tables. */
    static List<Reference> references(Path bundles) {
        Map<String, String> owners = owners(bundles);
        List<Reference> found = new ArrayList<>();
        for (Path changelog : changelogs(bundles)) {
            found.addAll(inChangelog(shown(bundles, changelog), area(bundles, changelog), read(changelog), owners));
        }
        try (Stream<Path> areas = Files.list(bundles)) {
            for (Path main : areas.map(a -> a.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path java : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                        found.addAll(inJava(shown(bundles, java), area(bundles, java), read(java), owners));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static List<Reference> inJava(Path file, String area, String source, Map<String, String> owners) {
        List<Reference> found = new ArrayList<>();
        Set<String> yardstick = BENCH.equals(area) ? yardstickTables(source) : Set.of();
        for (Segment s : JavaLiterals.segments(source)) {
            if (!SQL_LIKE.matcher(s.text()).find()) {
                continue;
            }
            for (int[] at : tableNames(s.text())) {
                String table = s.text().substring(at[0], at[1]);
                if (!yardstick.contains(table.toLowerCase(Locale.ROOT))) {
                    check(file, s.lineAt(at[0]), area, table, owners, found);
                }
            }
        }
        Matcher m = JPA_TABLE.matcher(source);
        while (m.find()) {
            check(file, lineOf(source, m.start(1)), area, m.group(1), owners, found);
        }
        return found;
    }

    static List<Reference> inChangelog(Path file, String area, String xml, Map<String, String> owners) {
        List<Reference> found = new ArrayList<>();
        Matcher m = TABLE_ATTRIBUTE.matcher(xml);
        while (m.find()) {
            check(file, lineOf(xml, m.start(1)), area, m.group(1), owners, found);
        }
        Matcher sql = CHANGELOG_SQL.matcher(xml);
        while (sql.find()) {
            String text = sql.group(2);
            for (int[] at : tableNames(text)) {
                check(file, lineOf(xml, sql.start(2) + at[0]), area, text.substring(at[0], at[1]), owners, found);
            }
        }
        return found;
    }

    /** Start and end of each name used as a table in the SQL text. */
    static List<int[]> tableNames(String sql) {
        List<int[]> names = new ArrayList<>();
        Matcher m = BEFORE_TABLE.matcher(sql);
        while (m.find()) {
            names.add(new int[] { m.start(2), m.end(2) });
        }
        Matcher from = FROM_LIST.matcher(sql);
        while (from.find()) {
            int offset = from.start(1);
            for (String item : from.group(1).split(",", -1)) {
                Matcher name = Pattern.compile("^\\s*([A-Za-z_][\\w.]*)").matcher(item);
                if (name.find()) {
                    names.add(new int[] { offset + name.start(1), offset + name.end(1) });
                }
                offset += item.length() + 1;
            }
        }
        return names;
    }

    private static void check(Path file, int line, String area, String name, Map<String, String> owners,
            List<Reference> found) {
        String table = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String owner = owners.get(table);
        if (owner != null && !owner.equals(area)) {
            found.add(new Reference(file, line, area, table, owner));
        }
    }

    /** Views every area's changelogs publish (for the report; any area may read them). */
    static Set<String> views(Path bundles) {
        Set<String> views = new java.util.TreeSet<>();
        for (Path changelog : changelogs(bundles)) {
            Matcher m = CREATE_VIEW.matcher(read(changelog));
            while (m.find()) {
                views.add(area(bundles, changelog) + ":" + m.group(1));
            }
        }
        return views;
    }

    private static List<Path> changelogs(Path bundles) {
        try (Stream<Path> areas = Files.list(bundles)) {
            List<Path> found = new ArrayList<>();
            for (Path db : areas.map(a -> a.resolve("src/main/resources/db")).filter(Files::isDirectory).sorted()
                    .toList()) {
                try (Stream<Path> files = Files.list(db)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".changelog.xml")).sorted()
                            .forEach(found::add);
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path from the repository's root, as a maintainer looks for it. */
    private static Path shown(Path bundles, Path file) {
        return bundles.toAbsolutePath().getParent().relativize(file.toAbsolutePath());
    }

    private static String area(Path bundles, Path file) {
        return bundles.relativize(file).getName(0).toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Adjacent string literals of one {@code +} chain, joined, with the line each character came from. */
    record Segment(String text, int[] lines) {
        int lineAt(int offset) {
            return lines[Math.min(offset, lines.length - 1)];
        }
    }

    /** The string literals of Java source (plain and text blocks), outside comments and char literals. */
    static final class JavaLiterals {
        private JavaLiterals() {
        }

        static List<Segment> segments(String src) {
            List<Segment> segments = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            List<Integer> lines = new ArrayList<>();
            int line = 1;
            int lastEnd = -1;
            int i = 0;
            while (i < src.length()) {
                char ch = src.charAt(i);
                if (ch == '\n') {
                    line++;
                    i++;
                } else if (src.startsWith("//", i)) {
                    while (i < src.length() && src.charAt(i) != '\n') {
                        i++;
                    }
                } else if (src.startsWith("/*", i)) {
                    int end = src.indexOf("*/", i + 2);
                    end = end < 0 ? src.length() : end + 2;
                    line += count(src, i, end);
                    i = end;
                } else if (ch == '\'') {
                    i++;
                    while (i < src.length() && src.charAt(i) != '\'') {
                        i += src.charAt(i) == '\\' ? 2 : 1;
                    }
                    i++;
                } else if (ch == '"') {
                    boolean block = src.startsWith("\"\"\"", i);
                    // a literal continues the previous one when only '+' and white space lie between them
                    if (lastEnd < 0 || !src.substring(lastEnd, i).matches("\\s*\\+\\s*")) {
                        flush(segments, text, lines);
                    } else {
                        text.append(' ');
                        lines.add(line);
                    }
                    i += block ? 3 : 1;
                    while (i < src.length() && !(block ? src.startsWith("\"\"\"", i) : src.charAt(i) == '"')) {
                        char c = src.charAt(i);
                        if (c == '\\' && i + 1 < src.length()) {
                            text.append(src.charAt(i + 1));
                            lines.add(line);
                            i += 2;
                            continue;
                        }
                        if (c == '\n') {
                            line++;
                        }
                        text.append(c);
                        lines.add(line);
                        i++;
                    }
                    i += block ? 3 : 1;
                    lastEnd = i;
                } else {
                    i++;
                }
            }
            flush(segments, text, lines);
            return segments;
        }

        private static void flush(List<Segment> segments, StringBuilder text, List<Integer> lines) {
            if (text.length() > 0) {
                segments.add(new Segment(text.toString(), lines.stream().mapToInt(Integer::intValue).toArray()));
            }
            text.setLength(0);
            lines.clear();
        }

        private static int count(String src, int from, int to) {
            int n = 0;
            for (int i = from; i < to; i++) {
                if (src.charAt(i) == '\n') {
                    n++;
                }
            }
            return n;
        }
    }

    /** Prints the references under a checkout's {@code bundles} directory (for counting before and after a change). */
    public static void main(String[] args) {
        Path bundles = Path.of(args.length > 0 ? args[0] : "bundles");
        List<Reference> found = references(bundles);
        found.forEach(System.out::println);
        Map<String, Integer> byArea = new HashMap<>();
        found.forEach(r -> byArea.merge(r.area(), 1, Integer::sum));
        System.out.println(found.size() + " cross-area table references " + byArea + "; views " + views(bundles));
    }
}
