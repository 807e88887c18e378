package org.certportal.completions.api;

/**
 * A file as uploaded, before it is stored.
 *
 * @param contentType the media type, e.g. application/pdf
 */
public record Attachment(String name, String contentType, byte[] content) {
}
