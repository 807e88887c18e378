/** The portal's one data source, per-bundle schema migrations, and the paging types of every list. */
@Version("1.0.0")
package org.certportal.persistence.api;

import org.osgi.annotation.versioning.Version;
