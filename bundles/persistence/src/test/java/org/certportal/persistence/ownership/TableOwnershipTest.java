package org.certportal.persistence.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Feature areas meet through APIs and published views, never through each other's tables: no
 * area's SQL or changelog names a table another area's changelog creates. Scans the sources of every
 * bundle of the repository (including those without tables, such as the benchmarks).
 */
class TableOwnershipTest {
    private static final Path BUNDLES = bundles();
    private static final Map<String, String> OWNERS = Map.of("contact", "contacts", "enrollment", "enrollments",
            "program", "programs", "completion", "completions");

    @Test
    void noAreaNamesAnotherAreasTable() {
        List<TableOwnership.Reference> found = TableOwnership.references(BUNDLES);
        assertTrue(found.isEmpty(), () -> "Areas read each other's tables; use the owner's API or its published"
                + " view instead:\n" + found.stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void theTablesAreFoundWhereTheAreasCreateThem() {
        // guards the scan itself: an empty map (wrong directory, changed changelog layout) would pass anything
        Map<String, String> owners = TableOwnership.owners(BUNDLES);
        OWNERS.forEach((table, area) -> assertEquals(area, owners.get(table), table));
    }

    @Test
    void sqlNamingAnotherAreasTableIsFoundWithItsLine() {
        String source = "class Q {\n"
                + "    // SELECT id FROM contact: comments are not SQL\n"
                + "    static final String A = \"SELECT e.id FROM enrollment e\"\n"
                + "            + \" JOIN contact c ON c.id = e.contact_id\";\n"
                + "    static final String B = \"SELECT id FROM enrollment e, program p WHERE p.id = e.program_id\";\n"
                + "    static final String C = \"UPDATE completion SET grade = NULL\";\n"
                + "    static final String D = \"SELECT id FROM contact_summary WHERE id = ?\";\n"
                + "    static final String E = \"The contact was removed from program X\";\n"
                + "    static final String F = \"\"\"\n"
                + "            INSERT INTO completion_file (id) VALUES (1)\"\"\";\n"
                + "}\n";
        List<String> found = TableOwnership.inJava(Path.of("Q.java"), "enrollments", source, owners()).stream()
                .map(r -> r.line() + " " + r.table()).toList();
        assertEquals(List.of("4 contact", "5 program", "6 completion", "10 completion_file"), found);
    }

    @Test
    void aBenchYardstickMayNameOnlyTheTablesItDeclares() {
        String source = "// Raw-JDBC yardstick of: contact, completion\n"
                + "class B {\n"
                + "    static final String A = \"SELECT id FROM contact WHERE family_name_key LIKE ?\";\n"
                + "    static final String B = \"SELECT id FROM completion c JOIN enrollment e ON e.id = c.enrollment_id\";\n"
                + "}\n";
        List<String> found = TableOwnership.inJava(Path.of("B.java"), TableOwnership.BENCH, source, owners()).stream()
                .map(r -> r.line() + " " + r.table()).toList();
        assertEquals(List.of("4 enrollment"), found);
        List<String> inAnArea = TableOwnership.inJava(Path.of("B.java"), "enrollments", source, owners()).stream()
                .map(r -> r.line() + " " + r.table()).toList();
        assertEquals(List.of("3 contact", "4 completion"), inAnArea, "areas cannot declare their way out");
    }

    @Test
    void aChangelogNamingAnotherAreasTableIsFound() {
        String xml = "<databaseChangeLog>\n"
                + "<createIndex tableName=\"contact\" indexName=\"x\"><column name=\"id\"/></createIndex>\n"
                + "<createView viewName=\"enrollment_summary\">SELECT id FROM enrollment</createView>\n"
                + "<createView viewName=\"joined\">SELECT e.id FROM enrollment e JOIN contact_summary c ON 1 = 1"
                + "</createView>\n"
                + "</databaseChangeLog>\n";
        List<String> found = TableOwnership.inChangelog(Path.of("x.xml"), "enrollments", xml, owners()).stream()
                .map(r -> r.line() + " " + r.table()).toList();
        assertEquals(List.of("2 contact"), found);
    }

    private static Map<String, String> owners() {
        return Map.of("contact", "contacts", "enrollment", "enrollments", "program", "programs", "completion",
                "completions", "completion_file", "completions");
    }

    /** The repository's bundles directory, found upwards from the module the test runs in. */
    private static Path bundles() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("bundles/persistence")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir.resolve("bundles");
            }
        }
        throw new IllegalStateException("No bundles directory above " + Path.of("").toAbsolutePath());
    }
}
