package org.certportal.ui.internal;

import java.util.ConcurrentModificationException;
import java.util.UUID;

import org.certportal.security.api.AccessDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;

/**
 * Errors from event handlers (a button click, a save): refusals, bad input and edit conflicts show
 * their message;
 * anything else is logged with an id that the user sees, never a stack trace.
 */
public final class PortalErrorHandler implements ErrorHandler {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PortalErrorHandler.class);
    /** Vaadin's reading of a page's message, which calls the listeners of the components it names. */
    private static final String MESSAGE_HANDLER = "com.vaadin.flow.server.communication.ServerRpcHandler";

    @Override
    public void error(ErrorEvent event) {
        Throwable t = event.getThrowable();
        String message;
        AccessDeniedException denied = find(t, AccessDeniedException.class);
        IllegalArgumentException invalid = find(t, IllegalArgumentException.class);
        ConcurrentModificationException stale = find(t, ConcurrentModificationException.class);
        if (denied != null) {
            message = denied.getMessage();
        } else if (invalid != null) {
            message = invalid.getMessage();
        } else if (stale != null) {
            message = stale.getMessage();
        } else if (isClientProtocolError(t)) {
            // a message no page of the portal sends (a stale or forged request): not the portal's fault
            LOG.info("Refused a message Vaadin could not apply: {}", HttpHardening.printable(String.valueOf(t)));
            message = "The page is out of date: reload it.";
        } else {
            String id = newErrorId();
            LOG.error("Error {} in the portal", id, t);
            message = "Something went wrong. The error was logged with id " + id + ".";
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            Notification n = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /**
     * Whether Vaadin failed reading the client's message itself (its order, its node ids, its values),
     * before it called any of the portal's code: then no frame above Vaadin's message handler is the
     * portal's, in the error or any of its causes.
     */
    static boolean isClientProtocolError(Throwable error) {
        boolean inMessageHandler = false;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith(MESSAGE_HANDLER)) {
                    inMessageHandler = true;
                    break;
                }
                if (frame.getClassName().startsWith("org.certportal.")) {
                    return false;
                }
            }
        }
        return inMessageHandler;
    }

    /** A short id that the log and the user's page share. */
    public static String newErrorId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
