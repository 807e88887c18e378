/** The portal's one data source, per-bundle schema migrations, the paging types of every list and the demo-data SPI. */
@Version("1.1.0")
package org.certportal.persistence.api;

import org.osgi.annotation.versioning.Version;
