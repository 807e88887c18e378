package org.certportal.completions.internal.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;

import org.junit.jupiter.api.Test;

class UploadAndDownloadTest {
    @Test
    void anUploadStopsAsSoonAsItPassesTheLimitAndKeepsNothing() throws IOException {
        BoundedUploadBuffer buffer = new BoundedUploadBuffer(10);
        OutputStream out = buffer.receiveUpload("scan.pdf", "application/pdf");
        out.write(new byte[6]);
        IOException refused = assertThrows(IOException.class, () -> out.write(new byte[5]));
        assertEquals("The file scan.pdf is too large: at most 10 bytes are accepted.", refused.getMessage());
        assertNull(buffer.content());

        OutputStream again = buffer.receiveUpload("small.pdf", "application/pdf");
        again.write(new byte[] { 1, 2, 3 });
        again.write(4);
        assertArrayEquals(new byte[] { 1, 2, 3, 4 }, buffer.content());
        assertEquals("small.pdf", buffer.fileName());
    }

    @Test
    void downloadsAreAttachmentsUnderTheirOwnNameInAsciiAndUtf8() {
        assertEquals("attachment; filename=\".notes.pdf\"; filename*=UTF-8''.notes.pdf",
                StoredFileLink.contentDisposition(".notes.pdf"));
        assertEquals("attachment; filename=\"Pr_fung _x_.pdf\"; filename*=UTF-8''Pr%C3%BCfung%20%22x%22.pdf",
                StoredFileLink.contentDisposition("Prüfung \"x\".pdf"));
    }
}
