package org.certportal.completions.internal.ui;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.certportal.completions.api.CompletionFile;
import org.certportal.completions.api.CompletionService;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.StreamResource;

/**
 * A link downloading an attached file. Whatever a file holds, the browser saves it and never renders
 * it in the portal's origin: an attachment with its stored type, no type sniffing, and a sandbox.
 */
final class StoredFileLink {
    private StoredFileLink() {
    }

    static Anchor of(CompletionService completions, CompletionFile f) {
        long fileId = f.id();
        // the content is read when the link is followed, in that request (as the signed-in user); the URL
        // carries a neutral name, so that names such as ".notes.pdf" download like any other
        StreamResource resource = new StreamResource("file-" + fileId, () -> new ByteArrayInputStream(
                completions.download(fileId).content()));
        resource.setContentType(f.contentType());
        resource.setHeader("Content-Disposition", contentDisposition(f.name()));
        resource.setHeader("X-Content-Type-Options", "nosniff");
        resource.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        Anchor link = new Anchor(resource, f.name() + " (" + f.uploadedBy() + ")");
        link.getElement().setAttribute("download", f.name());
        link.setId("completion-file-" + fileId);
        return link;
    }

    /** RFC 6266: an ASCII fallback name and the real one in UTF-8. */
    static String contentDisposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
