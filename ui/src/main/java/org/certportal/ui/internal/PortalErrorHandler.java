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
