/** The portal's one data source, per-bundle schema migrations, the paging types of every list, the demo-data SPI and JDBC statement helpers. */
@Version("1.4.0")
package org.certportal.persistence.api;

import org.osgi.annotation.versioning.Version;
