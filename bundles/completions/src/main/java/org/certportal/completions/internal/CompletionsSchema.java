package org.certportal.completions.internal;

import org.certportal.persistence.api.SchemaMigrator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The completions tables, brought up to date once when the bundle starts. Components touching them
 * reference this instead of the completion service: that service needs the enrollment service,
 * which binds this bundle's progress and purge hooks, and referencing it from them made a cycle.
 */
@Component(service = CompletionsSchema.class, immediate = true)
public class CompletionsSchema {
    static final String CHANGELOG = "db/completions.changelog.xml";

    @Activate
    public CompletionsSchema(@Reference SchemaMigrator migrator) {
        migrator.migrate(CompletionsSchema.class, CHANGELOG);
    }
}
