package org.certportal.ui.spi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.vaadin.flow.component.upload.FailedEvent;
import com.vaadin.flow.component.upload.Receiver;
import com.vaadin.flow.component.upload.Upload;

/**
 * Receives one uploaded file in memory up to a limit, and stops the upload as soon as it passes it.
 * {@link Upload#setMaxFileSize} is only advice to the browser: a client that ignores it would
 * otherwise have Vaadin's {@code MemoryBuffer} hold whatever it sends. An upload that passes the
 * limit fails with a {@link FileTooLargeException} whose message can be shown as it is.
 */
public final class BoundedUploadBuffer implements Receiver {
    private static final long serialVersionUID = 1L;
    private final long limit;
    private transient ByteArrayOutputStream received;
    private String fileName;
    private String mimeType;

    public BoundedUploadBuffer(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("An upload limit must be positive, not " + limit + ".");
        }
        this.limit = limit;
    }

    /** An upload limited to the buffer's size, also told to the browser so it refuses bigger files first. */
    public Upload newUpload() {
        Upload upload = new Upload(this);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, limit));
        return upload;
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
    public byte[] content() {
        return received == null ? null : received.toByteArray();
    }

    /** The content of the file received last, empty when it was refused. */
    public InputStream inputStream() {
        byte[] content = content();
        return new ByteArrayInputStream(content == null ? new byte[0] : content);
    }

    public String fileName() {
        return fileName;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The message for a failed upload: the limit when it passed it, else that it was not received. */
    public static String failureMessage(FailedEvent event) {
        return event.getReason() instanceof FileTooLargeException tooLarge ? tooLarge.getMessage()
                : "The file " + event.getFileName() + " was not received.";
    }

    /** Ends an upload that passed the limit; its message is shown to the user. */
    public static final class FileTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        FileTooLargeException(String name, long limit) {
            super("The file " + name + " is too large: at most " + limit + " bytes are accepted.");
        }
    }
}
