package org.certportal.persistence.internal;

import javax.sql.DataSource;

import org.certportal.persistence.api.DataSources;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Holds the areas back until the database answers. The schema migrator, which every area's schema
 * component references, is enabled only once a connection to the configured data source succeeds:
 * at a start with the database down, unreachable or refusing the configured account, the areas'
 * components wait unsatisfied (no failed activation, no stopped bundle, no ERROR) and come up by
 * themselves once it answers. A changed data source configuration is a new data source: this gate
 * is activated anew and probes it.
 */
@Component(immediate = true)
public class DatabaseGate {
    private final ComponentContext context;
    private final DatabaseRecovery recovery;
    private volatile boolean open = true;

    @Activate
    public DatabaseGate(@Reference(target = DataSources.TARGET) DataSource dataSource, ComponentContext context) {
        this.context = context;
        this.recovery = new DatabaseRecovery(dataSource);
        recovery.startWhenAnswering(new DatabaseRecovery.Area() {
            @Override
            public String name() {
                return "every area (their schema migrations)";
            }

            @Override
            public void start() {
                if (open) {
                    context.enableComponent(PortalSchemaMigrator.NAME);
                }
            }
        });
    }

    @Deactivate
    void deactivate() {
        open = false;
        recovery.close(false);
        try {
            // a new data source must answer before the areas migrate again
            context.disableComponent(PortalSchemaMigrator.NAME);
        } catch (IllegalStateException bundleStopping) {
            // the bundle is going away with its components
        }
    }
}
