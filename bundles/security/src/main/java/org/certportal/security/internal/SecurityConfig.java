package org.certportal.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.certportal.security.cfg */
@ObjectClassDefinition(name = "CertPortal security", description = "Portal accounts and sessions")
@interface SecurityConfig {
    String PID = "org.certportal.security";

    @AttributeDefinition(description = "Users file; relative paths are resolved against karaf.etc")
    String usersFile() default "certportal-users.properties";

    @AttributeDefinition(description = "Create the demo users when the users file does not exist yet")
    boolean demoUsers() default false;

    @AttributeDefinition(description = "Password of the demo users")
    String demoPassword() default "certportal";

    @AttributeDefinition(description = "Minutes a portal session may stay idle before it is closed", min = "1")
    int sessionIdleMinutes() default 30;

    @AttributeDefinition(description = "PBKDF2 iterations for new password hashes", min = "10000")
    int hashIterations() default 120000;
}
