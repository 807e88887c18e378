package org.certportal.ui.spi;

import java.util.List;

import org.certportal.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** Registered by the portal shell: what it currently serves. */
@ProviderType
public interface ViewRegistry {

    /** Every contribution seen, active or refused, in menu order. */
    List<RegisteredView> views();

    /** The active views the caller may open, in menu order. */
    List<RegisteredView> visibleTo(Caller caller);

    /**
     * The {@link PageAction}s offered on {@code target} for {@code subject} to the signed-in user:
     * those they hold the permission of and that apply to the subject, by order then label. Called on
     * the request thread; an action whose {@code appliesTo} throws is left out.
     *
     * @since 2.3
     */
    List<PageAction> actionsOn(String target, String subject);
}
