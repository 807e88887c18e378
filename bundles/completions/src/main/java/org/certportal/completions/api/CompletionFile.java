package org.certportal.completions.api;

import java.time.Instant;

/** A stored file of a completion, without its content. */
public record CompletionFile(long id, long completionId, String name, String contentType, long size, String sha256,
        String uploadedBy, Instant uploadedAt) {
}
