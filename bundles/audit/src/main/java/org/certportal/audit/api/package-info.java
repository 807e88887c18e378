/** The audit log: who changed what, when, from which value to which. */
@Version("1.1.0")
package org.certportal.audit.api;

import org.osgi.annotation.versioning.Version;
