package org.certportal.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checksum that lets a start skip Liquibase covers the changelog and what it includes. */
class AppliedChangelogsTest {
    private static final String MAIN = "<databaseChangeLog><include file=\"db/part.changelog.xml\"/></databaseChangeLog>";

    @TempDir
    Path dir;

    @Test
    void anIncludedChangelogIsPartOfTheChecksum() throws IOException {
        String before = checksumWith(MAIN, "<changeSet id=\"p-1\"/>");
        assertEquals(before, checksumWith(MAIN, "<changeSet id=\"p-1\"/>"), "same resources, same checksum");
        assertNotEquals(before, checksumWith(MAIN, "<changeSet id=\"p-1\"/><changeSet id=\"p-2\"/>"),
                "a changeset added to the included file changes it");
        assertNotEquals(before, checksumWith(MAIN + " ", "<changeSet id=\"p-1\"/>"), "so does any change of the main file");
    }

    @Test
    void aMissingChangelogHasNoChecksum() {
        assertThrows(IOException.class, () -> AppliedChangelogs.checksum(loader(), "db/none.changelog.xml"));
    }

    private String checksumWith(String main, String part) throws IOException {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db/main.changelog.xml"), main);
        Files.writeString(dir.resolve("db/part.changelog.xml"), part);
        try (URLClassLoader loader = loader()) {
            return AppliedChangelogs.checksum(loader, "db/main.changelog.xml");
        }
    }

    private URLClassLoader loader() throws IOException {
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    }
}
