package org.certportal.security.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told after the permission definitions changed (a feature bundle came or
 * went), once the security service already judges by the new ones.
 */
@ConsumerType
public interface PermissionListener {
    void permissionsChanged();
}
