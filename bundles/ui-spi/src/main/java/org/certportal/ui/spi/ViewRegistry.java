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
}
