package org.certportal.settings.api;

import org.osgi.annotation.versioning.ProviderType;

/** Read by every feature; changed by SysAdmins. Invalid values throw IllegalArgumentException and change nothing. */
@ProviderType
public interface SettingsService {

    /** The settings in force; demands portal access. */
    OrganisationSettings current();

    /** Stores new settings, audited; demands {@link SettingsPermissions#EDIT}. */
    OrganisationSettings update(OrganisationSettings settings);
}
