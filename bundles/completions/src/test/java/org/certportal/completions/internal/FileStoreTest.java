package org.certportal.completions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.OptionalInt;
import java.util.Set;

import org.certportal.completions.api.Attachment;
import org.certportal.settings.api.OrganisationSettings;
import org.junit.jupiter.api.Test;

class FileStoreTest {
    private static final OrganisationSettings LIMITS = new OrganisationSettings(ZoneId.of("UTC"), OptionalInt.empty(),
            10, Set.of("application/pdf", "image/png"));

    @Test
    void filesWithinTheLimitsPassWithCleanedNameAndType() {
        Attachment a = FileStore.check(new Attachment(" ../scan.pdf ", "Application/PDF; name=x", pdf(10)), LIMITS);
        assertEquals(".._scan.pdf", a.name());
        assertEquals("application/pdf", a.contentType());
        assertNull(FileStore.check(null, LIMITS));
    }

    @Test
    void sizeTypeEmptinessAndNamesAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FileStore.check(new Attachment("a.pdf",
                "application/pdf", pdf(11)), LIMITS)).getMessage().contains("too large"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FileStore.check(new Attachment("a.exe",
                "application/x-msdownload", new byte[1]), LIMITS)).getMessage().contains("not accepted"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FileStore.check(new Attachment("a.pdf",
                null, new byte[1]), LIMITS)).getMessage().contains("not accepted"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FileStore.check(new Attachment("a.pdf",
                "application/pdf", new byte[0]), LIMITS)).getMessage().contains("empty"));
        assertThrows(IllegalArgumentException.class, () -> FileStore.check(new Attachment(" ", "application/pdf",
                new byte[1]), LIMITS));
        assertThrows(IllegalArgumentException.class, () -> FileStore.check(new Attachment("x".repeat(256),
                "application/pdf", new byte[1]), LIMITS));
    }

    @Test
    void theContentDecidesTheTypeNotWhatTheBrowserDeclares() {
        byte[] page = "<html><script>fetch('/users').then(r => r.text())</script></html>".getBytes(
                StandardCharsets.UTF_8);
        OrganisationSettings roomy = new OrganisationSettings(ZoneId.of("UTC"), OptionalInt.empty(), 1000,
                Set.of("application/pdf", "image/png", "text/plain", "text/html"));
        IllegalArgumentException html = assertThrows(IllegalArgumentException.class,
                () -> FileStore.check(new Attachment("scan.pdf", "application/pdf", page), roomy));
        assertEquals("The file scan.pdf is not accepted: its content is an HTML or XML document (sent as"
                + " application/pdf); accepted: application/pdf, image/png, text/html, text/plain.", html.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> FileStore.check(new Attachment("page.html", "text/html", page), roomy),
                "markup is never stored, even where an administrator accepts text/html");
        assertThrows(IllegalArgumentException.class, () -> FileStore.check(new Attachment("note.txt", "text/plain",
                "\ufeff <svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)), roomy));
        assertEquals("image/png", FileStore.check(new Attachment("photo", "application/octet-stream",
                new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0 }), roomy).contentType(),
                "a real PNG is stored as one whatever was declared");
        assertEquals("text/plain", FileStore.check(new Attachment("note.txt", "text/plain",
                "Prüfung bestanden".getBytes(StandardCharsets.UTF_8)), roomy).contentType());
        assertThrows(IllegalArgumentException.class, () -> FileStore.check(new Attachment("a.jpg", "image/jpeg",
                new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, 0 }), roomy), "JPEG is not among the accepted");
    }

    @Test
    void namesStartingWithADotAreKept() {
        assertEquals(".scan.pdf", FileStore.check(new Attachment(".scan.pdf", "application/pdf", pdf(8)), LIMITS)
                .name());
    }

    private static byte[] pdf(int size) {
        byte[] content = new byte[size];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, content, 0, Math.min(5, size));
        return content;
    }

    @Test
    void theChecksumIsSha256InHex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                FileStore.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }
}
