package org.certportal.credentials.internal;

import org.certportal.persistence.api.SchemaMigrator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The credentials tables, brought up to date once when the bundle starts. */
@Component(service = CredentialsSchema.class, immediate = true)
public class CredentialsSchema {
    static final String CHANGELOG = "db/credentials.changelog.xml";

    @Activate
    public CredentialsSchema(@Reference SchemaMigrator migrator) {
        migrator.migrate(CredentialsSchema.class, CHANGELOG);
    }
}
