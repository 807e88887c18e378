package org.certportal.tracking.internal;

import org.certportal.persistence.api.SchemaMigrator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The tracking tables (saved filters), brought up to date once when the bundle starts. */
@Component(service = TrackingSchema.class, immediate = true)
public class TrackingSchema {
    static final String CHANGELOG = "db/tracking.changelog.xml";

    @Activate
    public TrackingSchema(@Reference SchemaMigrator migrator) {
        migrator.migrate(TrackingSchema.class, CHANGELOG);
    }
}
