package org.certportal.ui.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The organisation's formats as they stand now, provided by the settings bundle (which owns the
 * setting). A contribution references this service and hands {@link #dates()} to each view it
 * creates, so every page's grids and pickers read dates alike; a changed setting shows on the next
 * page opened.
 */
@ProviderType
public interface OrganisationFormats {
    /** The organisation's date format and time zone; demands portal access. */
    DateFormats dates();
}
