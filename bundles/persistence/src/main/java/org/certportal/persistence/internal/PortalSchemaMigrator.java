package org.certportal.persistence.internal;

import javax.sql.DataSource;

import org.certportal.persistence.api.DataSources;
import org.certportal.persistence.api.SchemaMigrationException;
import org.certportal.persistence.api.SchemaMigrator;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migrator in the portal. A feature whose schema is not what its code expects must not run at
 * all: SCR keeps the service of a failed immediate component registered (and retries it on every
 * lookup), so the owning bundle is stopped instead, transiently. A database that did not answer
 * heals by itself: the bundle starts again once a connection succeeds (or the data source is
 * configured anew). A broken changelog waits for its fix (bundle:update, or a restart). Enabled by
 * {@link DatabaseGate} once the database answers, so at a start without a database no area gets
 * this far: a lost connection here is the rare outage between that probe and the migration.
 */
@Component(service = SchemaMigrator.class, immediate = true, enabled = false) // alive while the areas it stopped are away
public class PortalSchemaMigrator extends LiquibaseSchemaMigrator {
    /** The component's name, for {@link DatabaseGate} to enable it. */
    static final String NAME = "org.certportal.persistence.internal.PortalSchemaMigrator";
    private static final Logger LOG = LoggerFactory.getLogger(PortalSchemaMigrator.class);
    private final DatabaseRecovery recovery;

    @Activate
    public PortalSchemaMigrator(@Reference(target = DataSources.TARGET) DataSource dataSource) {
        super(dataSource);
        this.recovery = new DatabaseRecovery(dataSource);
    }

    @Deactivate
    void deactivate(BundleContext context) {
        boolean portalStopping = context.getBundle(0).getState() == Bundle.STOPPING;
        recovery.close(!portalStopping);
    }

    @Override
    protected void failed(Class<?> owner, SchemaMigrationException e) {
        Bundle bundle = FrameworkUtil.getBundle(owner);
        if (bundle == null) {
            return;
        }
        boolean unreachable = DatabaseRecovery.isUnreachable(e);
        if (unreachable) {
            LOG.warn("{}; the database does not answer: {} waits for it and starts again by itself",
                    e.getMessage(), bundle.getSymbolicName());
        } else {
            LOG.error("{}; stopping {} until it is fixed", e.getMessage(), bundle.getSymbolicName(), e);
        }
        // asynchronously: the bundle is in the middle of activating this very component
        Thread stopper = new Thread(() -> {
            try {
                bundle.stop(Bundle.STOP_TRANSIENT);
                if (unreachable) {
                    recovery.park(new DatabaseRecovery.Area() {
                        @Override
                        public String name() {
                            return bundle.getSymbolicName();
                        }

                        @Override
                        public void start() throws BundleException {
                            bundle.start(Bundle.START_TRANSIENT);
                        }
                    });
                }
            } catch (BundleException | IllegalStateException stopFailed) {
                LOG.error("Could not stop {} after its failed migration", bundle.getSymbolicName(), stopFailed);
            }
        }, "certportal-stop-" + bundle.getSymbolicName());
        stopper.setDaemon(true);
        stopper.start();
    }
}
