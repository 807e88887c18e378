package org.certportal.masscert.internal;

import org.certportal.persistence.api.SchemaMigrator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The mass-certification tables, brought up to date once when the bundle starts. */
@Component(service = MassCertSchema.class, immediate = true)
public class MassCertSchema {
    static final String CHANGELOG = "db/masscert.changelog.xml";

    @Activate
    public MassCertSchema(@Reference SchemaMigrator migrator) {
        migrator.migrate(MassCertSchema.class, CHANGELOG);
    }
}
