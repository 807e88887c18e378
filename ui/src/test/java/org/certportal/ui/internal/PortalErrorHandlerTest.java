package org.certportal.ui.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PortalErrorHandlerTest {
    private static final StackTraceElement RPC = frame("com.vaadin.flow.server.communication.ServerRpcHandler",
            "handleRpc");
    private static final StackTraceElement ENTRY = frame("org.certportal.ui.internal.PortalServlet", "serveVaadin");
    private static final StackTraceElement JETTY = frame("org.eclipse.jetty.server.Server", "handle");

    @Test
    void vaadinFailingToReadAMessageIsTheClientsError() {
        Exception outOfOrder = failure(new UnsupportedOperationException("Unexpected message id from the client"),
                RPC, ENTRY, JETTY);
        assertTrue(PortalErrorHandler.isClientProtocolError(outOfOrder));
        Exception cast = failure(new ClassCastException("JreJsonString cannot be cast to JsonNumber"),
                frame("elemental.json.impl.JreJsonObject", "getNumber"), RPC, ENTRY, JETTY);
        assertTrue(PortalErrorHandler.isClientProtocolError(cast));
    }

    @Test
    void anErrorInThePortalsOwnCodeIsNot() {
        Exception inListener = failure(new IllegalStateException("bug"),
                frame("org.certportal.completions.internal.ui.RecordDialog", "lambda$new$3"),
                frame("com.vaadin.flow.component.ComponentEventBus", "fireEvent"), RPC, ENTRY, JETTY);
        assertFalse(PortalErrorHandler.isClientProtocolError(inListener));
        Exception wrapped = failure(new RuntimeException("wrapped", inListener), RPC, ENTRY, JETTY);
        assertFalse(PortalErrorHandler.isClientProtocolError(wrapped), "the cause names the portal's code");
        Exception elsewhere = failure(new IllegalStateException("in an access() task"),
                frame("com.vaadin.flow.server.VaadinSession", "runPendingAccessTasks"), ENTRY, JETTY);
        assertFalse(PortalErrorHandler.isClientProtocolError(elsewhere), "not in reading a message");
    }

    private static Exception failure(Exception e, StackTraceElement... frames) {
        e.setStackTrace(frames);
        return e;
    }

    private static StackTraceElement frame(String type, String method) {
        return new StackTraceElement(type, method, null, -1);
    }
}
