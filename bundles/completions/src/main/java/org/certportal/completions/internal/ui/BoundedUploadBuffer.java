package org.certportal.completions.internal.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import com.vaadin.flow.component.upload.Receiver;

/**
 * Receives one uploaded file in memory up to a limit, and stops the upload as soon as it passes it:
 * the browser's own size check is advice a client need not take.
 */
final class BoundedUploadBuffer implements Receiver {
    private static final long serialVersionUID = 1L;
    private final long limit;
    private transient ByteArrayOutputStream received;
    private String fileName;
    private String mimeType;

    BoundedUploadBuffer(long limit) {
        this.limit = limit;
    }

    @Override
    public OutputStream receiveUpload(String name, String type) {
        fileName = name;
        mimeType = type;
        received = new ByteArrayOutputStream();
        return new OutputStream() {
            private long count;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] { (byte) b }, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                count += len;
                if (count > limit) {
                    received = null;
                    throw new FileTooLargeException(name, limit);
                }
                received.write(b, off, len);
            }
        };
    }

    /** The content of the file received last, or null when it was refused. */
    byte[] content() {
        return received == null ? null : received.toByteArray();
    }

    String fileName() {
        return fileName;
    }

    String mimeType() {
        return mimeType;
    }

    /** Ends an upload that passed the limit; its message is shown to the user. */
    static final class FileTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        FileTooLargeException(String name, long limit) {
            super("The file " + name + " is too large: at most " + limit + " bytes are accepted.");
        }
    }
}
