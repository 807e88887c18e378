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
        Attachment a = FileStore.check(new Attachment(" ../scan.pdf ", "Application/PDF; name=x", new byte[10]),
                LIMITS);
        assertEquals(".._scan.pdf", a.name());
        assertEquals("application/pdf", a.contentType());
        assertNull(FileStore.check(null, LIMITS));
    }

    @Test
    void sizeTypeEmptinessAndNamesAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FileStore.check(new Attachment("a.pdf",
                "application/pdf", new byte[11]), LIMITS)).getMessage().contains("too large"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FileStore.check(new Attachment("a.exe",
                "application/x-msdownload", new byte[1]), LIMITS)).getMessage().contains("not accepted"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FileStore.check(new Attachment("a.pdf",
                null, new byte[1]), LIMITS)).getMessage().contains("'unknown'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FileStore.check(new Attachment("a.pdf",
                "application/pdf", new byte[0]), LIMITS)).getMessage().contains("empty"));
        assertThrows(IllegalArgumentException.class, () -> FileStore.check(new Attachment(" ", "application/pdf",
                new byte[1]), LIMITS));
        assertThrows(IllegalArgumentException.class, () -> FileStore.check(new Attachment("x".repeat(256),
                "application/pdf", new byte[1]), LIMITS));
    }

    @Test
    void theChecksumIsSha256InHex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                FileStore.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }
}
