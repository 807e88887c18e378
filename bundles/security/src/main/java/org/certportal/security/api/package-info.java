/** Who is calling, and what they may do: the checks every CertPortal service makes. */
@Version("1.2.0")
package org.certportal.security.api;

import org.osgi.annotation.versioning.Version;
