/**
 * The portal view SPI: a feature bundle registers {@link org.certportal.ui.spi.ViewContribution}
 * services; the portal shell adds their routes and menu entries while they are registered.
 */
@Version("1.0.0")
package org.certportal.ui.spi;

import org.osgi.annotation.versioning.Version;
