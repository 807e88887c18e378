package org.certportal.ui.internal;

import java.util.Set;

import javax.servlet.ServletContainerInitializer;
import javax.servlet.ServletContext;
import javax.servlet.ServletRegistration;

import com.vaadin.flow.server.communication.JSR356WebsocketInitializer;

/**
 * Pax Web may register servlets in a WAB without a class name (its default servlet, unless web.xml
 * declares one, as ours does); Vaadin would take them for Vaadin servlets and start a second
 * Atmosphere that captures /VAADIN/push, so push messages never arrive. Marking them as already
 * initialised makes Vaadin skip them. Runs as a ServletContainerInitializer so it comes before
 * Vaadin's own listener.
 */
public class PaxWebPushWorkaround implements ServletContainerInitializer {
    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext sc) {
        sc.setAttribute(JSR356WebsocketInitializer.getAttributeName("default"), Boolean.FALSE);
        for (ServletRegistration reg : sc.getServletRegistrations().values()) {
            if (reg.getClassName() == null) {
                sc.setAttribute(JSR356WebsocketInitializer.getAttributeName(reg.getName()), Boolean.FALSE);
            }
        }
    }
}
