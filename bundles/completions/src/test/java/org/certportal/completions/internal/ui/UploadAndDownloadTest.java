package org.certportal.completions.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UploadAndDownloadTest {
    @Test
    void downloadsAreAttachmentsUnderTheirOwnNameInAsciiAndUtf8() {
        assertEquals("attachment; filename=\".notes.pdf\"; filename*=UTF-8''.notes.pdf",
                StoredFileLink.contentDisposition(".notes.pdf"));
        assertEquals("attachment; filename=\"Pr_fung _x_.pdf\"; filename*=UTF-8''Pr%C3%BCfung%20%22x%22.pdf",
                StoredFileLink.contentDisposition("Prüfung \"x\".pdf"));
    }
}
