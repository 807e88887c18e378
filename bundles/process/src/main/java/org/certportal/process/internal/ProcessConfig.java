package org.certportal.process.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.certportal.process.cfg, described for configuration tools. */
@ObjectClassDefinition(name = "CertPortal process engine", description = "Workers, chunks and polling of the process engine")
@interface ProcessConfig {
    String PID = "org.certportal.process";

    @AttributeDefinition(description = "Rows processed in one transaction", min = "1", max = "10000")
    int chunkSize() default 500;

    @AttributeDefinition(description = "Runs this portal executes at the same time", min = "1", max = "16")
    int workerThreads() default 2;

    @AttributeDefinition(description = "Seconds between two looks for due schedules and queued runs", min = "1")
    int pollSeconds() default 5;

    @AttributeDefinition(description = "Seconds without a sign of life after which another portal takes a run over"
            + " (at least twice pollSeconds, and longer than the slowest chunk)", min = "2")
    int staleSeconds() default 300;

    @AttributeDefinition(description = "This portal's name among portals sharing the database; empty: host name"
            + " and Karaf directory. Runs it owned before a restart resume at once.")
    String nodeName() default "";
}
