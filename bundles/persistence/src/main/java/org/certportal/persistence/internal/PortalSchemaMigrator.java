package org.certportal.persistence.internal;

import javax.sql.DataSource;

import org.certportal.persistence.api.DataSources;
import org.certportal.persistence.api.SchemaMigrationException;
import org.certportal.persistence.api.SchemaMigrator;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migrator in the portal. A feature whose schema is not what its code expects must not run at
 * all: SCR keeps the service of a failed immediate component registered (and retries it on every
 * lookup), so the owning bundle is stopped instead, transiently: its next start (after bundle:update
 * with a fixed changelog, or a restart) migrates again.
 */
@Component(service = SchemaMigrator.class)
public class PortalSchemaMigrator extends LiquibaseSchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(PortalSchemaMigrator.class);

    @Activate
    public PortalSchemaMigrator(@Reference(target = DataSources.TARGET) DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void failed(Class<?> owner, SchemaMigrationException e) {
        Bundle bundle = FrameworkUtil.getBundle(owner);
        if (bundle == null) {
            return;
        }
        LOG.error("{}; stopping {} until it is fixed", e.getMessage(), bundle.getSymbolicName(), e);
        // asynchronously: the bundle is in the middle of activating this very component
        Thread stopper = new Thread(() -> {
            try {
                bundle.stop(Bundle.STOP_TRANSIENT);
            } catch (BundleException | IllegalStateException stopFailed) {
                LOG.error("Could not stop {} after its failed migration", bundle.getSymbolicName(), stopFailed);
            }
        }, "certportal-stop-" + bundle.getSymbolicName());
        stopper.setDaemon(true);
        stopper.start();
    }
}
