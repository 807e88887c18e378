package org.certportal.security.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: a feature bundle registers one to declare the permissions its services
 * check. They disappear with the bundle.
 */
@ConsumerType
public interface PermissionProvider {
    List<PermissionDefinition> permissions();
}
