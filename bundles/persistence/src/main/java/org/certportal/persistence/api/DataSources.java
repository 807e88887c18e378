package org.certportal.persistence.api;

/** Names of the portal's data source (etc/org.ops4j.datasource-certportal.cfg). */
public final class DataSources {
    /** The {@code dataSourceName} of the configuration, published as {@code osgi.jndi.service.name}. */
    public static final String NAME = "certportal";
    /** Target filter for a {@code @Reference DataSource}. */
    public static final String TARGET = "(osgi.jndi.service.name=" + NAME + ")";

    private DataSources() {
    }
}
