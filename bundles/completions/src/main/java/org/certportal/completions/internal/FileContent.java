package org.certportal.completions.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a file is, told by its bytes: the type a browser declares for an upload is whatever the
 * uploader wants it to be, so an HTML page sent as application/pdf must not pass as a PDF.
 */
final class FileContent {
    /** The kinds recognised by their leading bytes. */
    private record Signature(String type, byte[] prefix) {
    }

    private static final Signature[] SIGNATURES = {
        new Signature("application/pdf", ascii("%PDF-")),
        new Signature("image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' }),
        new Signature("image/jpeg", new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff }),
        new Signature("image/gif", ascii("GIF87a")),
        new Signature("image/gif", ascii("GIF89a")),
        new Signature("image/tiff", new byte[] { 'I', 'I', '*', 0 }),
        new Signature("image/tiff", new byte[] { 'M', 'M', 0, '*' }),
    };
    private static final byte[] ZIP = { 'P', 'K', 3, 4 };
    private static final byte[] OLE2 = { (byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
        (byte) 0xe1 };
    private static final int TEXT_PROBE = 8192;

    private FileContent() {
    }

    /**
     * The type to store for the content, when the content is one of the accepted types.
     *
     * @param declared what the uploader said (only used to tell apart containers such as ZIP that
     *        several accepted types share, and plain text kinds)
     * @return the accepted type the bytes are, or empty when they are none of them
     */
    static Optional<String> acceptedType(byte[] content, String declared, Set<String> accepted) {
        String sniffed = sniff(content);
        if (sniffed != null) {
            return accepted.contains(sniffed) ? Optional.of(sniffed) : Optional.empty();
        }
        if (startsWith(content, ZIP) || startsWith(content, OLE2)) {
            // office documents and archives share their container: the declared kind decides, if accepted
            return accepted.contains(declared) && !declared.startsWith("text/") && !declared.startsWith("image/")
                    && !declared.equals("application/pdf") ? Optional.of(declared) : Optional.empty();
        }
        if (declared.startsWith("text/") && !declared.equals("text/html") && accepted.contains(declared)
                && isPlainText(content)) {
            return Optional.of(declared);
        }
        return Optional.empty();
    }

    /** A word for what the bytes are, for the message that refuses them. */
    static String describe(byte[] content) {
        String sniffed = sniff(content);
        if (sniffed != null) {
            return sniffed;
        }
        if (isMarkup(content)) {
            return "an HTML or XML document";
        }
        if (isPlainText(content)) {
            return "text";
        }
        return "of an unknown kind";
    }

    private static String sniff(byte[] content) {
        for (Signature s : SIGNATURES) {
            if (startsWith(content, s.prefix())) {
                return s.type();
            }
        }
        return null;
    }

    /** HTML, SVG and XML can carry script: never text, whatever the uploader says. */
    private static boolean isMarkup(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 512), StandardCharsets.ISO_8859_1)
                .replace("\u00ef\u00bb\u00bf", "").stripLeading().toLowerCase(Locale.ROOT); // UTF-8 BOM
        return head.startsWith("<") || head.contains("<script") || head.contains("<html") || head.contains("<svg");
    }

    private static boolean isPlainText(byte[] content) {
        if (isMarkup(content)) {
            return false;
        }
        int length = Math.min(content.length, TEXT_PROBE);
        for (int i = 0; i < length; i++) {
            if (content[i] == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, 0, content.length <= TEXT_PROBE ? length : trimmed(content)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The probe's length, ending before a UTF-8 sequence the cut would split. */
    private static int trimmed(byte[] content) {
        int end = TEXT_PROBE;
        while (end > TEXT_PROBE - 4 && (content[end] & 0xc0) == 0x80) {
            end--;
        }
        return end;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
