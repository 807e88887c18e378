package org.certportal.persistence.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and reports bytes that are not UTF-8. Unlike an InputStreamReader it first hands out
 * every character decoded before the bad bytes, so {@link ImportText} counts the lines up to them
 * and names the right one.
 */
final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private boolean endOfBytes;
    private boolean flushed;
    private MalformedInputException bad;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (bad != null) {
            throw bad;
        }
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buf, off, len);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfBytes);
            if (result.isError()) {
                bad = new MalformedInputException(result.length());
                if (out.position() > off) {
                    return out.position() - off;
                }
                throw bad;
            }
            if (result.isOverflow() || out.position() > off) {
                return out.position() - off;
            }
            if (endOfBytes) {
                if (!flushed) {
                    flushed = true;
                    decoder.flush(out);
                }
                return out.position() > off ? out.position() - off : -1;
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfBytes = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
