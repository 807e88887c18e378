/**
 * The portal view SPI: a feature bundle registers {@link org.certportal.ui.spi.ViewContribution}
 * services; the portal shell adds their routes and menu entries while they are registered, and asks
 * the contribution for each new view, so the view gets its services from the contribution's
 * references. {@link org.certportal.ui.spi.Pages} turns a lazy component's query into the page the
 * services take.
 * {@link org.certportal.ui.spi.HomeCard} services put a number with a link on the home page of
 * the users holding its permission.
 * {@link org.certportal.ui.spi.PageAction} services put a button on another area's page, shown by
 * the page's {@link org.certportal.ui.spi.PageActionBar}.
 * {@link org.certportal.ui.spi.BoundedUploadBuffer} receives an upload and stops it past a limit.
 * {@link org.certportal.ui.spi.OrganisationFormats} gives views the organisation's
 * {@link org.certportal.ui.spi.DateFormats} for grids, texts and date pickers.
 * <p>
 * 2.5: {@link org.certportal.ui.spi.DateFormats}, {@link org.certportal.ui.spi.OrganisationFormats}.
 * 2.4: {@link org.certportal.ui.spi.BoundedUploadBuffer}.
 * 2.3: page actions ({@link org.certportal.ui.spi.PageAction}, {@link org.certportal.ui.spi.PageActionBar},
 * {@link org.certportal.ui.spi.ViewRegistry#actionsOn}).
 * 2.1: home page cards ({@link org.certportal.ui.spi.HomeCard}); {@link org.certportal.ui.spi.FieldErrors}
 * puts a service's refusal beside the field it names.
 * 2.0: {@code Services} (a static service lookup for views) is gone; contributions build their
 * views ({@link org.certportal.ui.spi.ViewContribution#createView()}).
 */
@Version("2.5.0")
package org.certportal.ui.spi;

import org.osgi.annotation.versioning.Version;
