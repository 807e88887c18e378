package org.certportal.ui.spi;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Views are built by Vaadin, not by DS: this finds the services a view calls, through the view's
 * own bundle. Meant for immediate components, which stay active while registered.
 */
public final class Services {
    private Services() {
    }

    /**
     * @param view the view class (its bundle looks the service up)
     * @throws IllegalStateException when the service is not registered
     */
    public static <T> T of(Class<?> view, Class<T> type) {
        Bundle bundle = FrameworkUtil.getBundle(view);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        ServiceReference<T> ref = context == null ? null : context.getServiceReference(type);
        T service = ref == null ? null : context.getService(ref);
        if (service == null) {
            throw new IllegalStateException("The service " + type.getSimpleName() + " is not available right now;"
                    + " its feature may be starting or stopped.");
        }
        context.ungetService(ref);
        return service;
    }
}
