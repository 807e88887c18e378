package org.certportal.completions.api;

/** A stored file with its content. */
public record FileDownload(CompletionFile file, byte[] content) {
}
