package org.certportal.sample.views.internal;

import java.util.Map;

import org.certportal.persistence.api.SchemaMigrator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * A service that exists only once its schema is migrated, as every feature service does: the tests
 * configure it with a good or a broken changelog (configuration {@code org.certportal.sample.migration}).
 */
@Component(service = SampleMigrated.class, immediate = true, configurationPid = "org.certportal.sample.migration",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class SampleMigrated {
    @Activate
    public SampleMigrated(@Reference SchemaMigrator migrator, Map<String, Object> config) {
        migrator.migrate(SampleMigrated.class, String.valueOf(config.getOrDefault("changelog", "db/sample-good.changelog.xml")));
    }
}
