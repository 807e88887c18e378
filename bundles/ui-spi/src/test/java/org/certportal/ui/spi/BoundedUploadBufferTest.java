package org.certportal.ui.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.junit.jupiter.api.Test;

class BoundedUploadBufferTest {
    @Test
    void anUploadStopsAsSoonAsItPassesTheLimitAndKeepsNothing() throws IOException {
        BoundedUploadBuffer buffer = new BoundedUploadBuffer(10);
        OutputStream out = buffer.receiveUpload("scan.pdf", "application/pdf");
        out.write(new byte[6]);
        IOException refused = assertThrows(IOException.class, () -> out.write(new byte[5]));
        assertEquals("The file scan.pdf is too large: at most 10 bytes are accepted.", refused.getMessage());
        assertNull(buffer.content());
        try (InputStream in = buffer.inputStream()) {
            assertEquals(0, in.readAllBytes().length, "a refused upload reads as nothing");
        }

        OutputStream again = buffer.receiveUpload("small.pdf", "application/pdf");
        again.write(new byte[] { 1, 2, 3 });
        again.write(4);
        assertArrayEquals(new byte[] { 1, 2, 3, 4 }, buffer.content());
        try (InputStream in = buffer.inputStream()) {
            assertArrayEquals(new byte[] { 1, 2, 3, 4 }, in.readAllBytes());
        }
        assertEquals("small.pdf", buffer.fileName());
        assertEquals("application/pdf", buffer.mimeType());
    }

    @Test
    void aFileOfExactlyTheLimitPassesAndALimitMustBePositive() throws IOException {
        BoundedUploadBuffer buffer = new BoundedUploadBuffer(4);
        OutputStream out = buffer.receiveUpload("four.txt", "text/plain");
        out.write(new byte[] { 1, 2, 3, 4 });
        assertEquals(4, buffer.content().length);
        assertThrows(IOException.class, () -> out.write(5));
        assertThrows(IllegalArgumentException.class, () -> new BoundedUploadBuffer(0));
        assertThrows(IllegalArgumentException.class, () -> new BoundedUploadBuffer(-1));
    }
}
