/** The portal's one data source, per-bundle schema migrations, the paging types of every list, the demo-data SPI, JDBC statement helpers and the reading rules of every CSV import. */
@Version("1.5.0")
package org.certportal.persistence.api;

import org.osgi.annotation.versioning.Version;
