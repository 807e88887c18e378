package org.certportal.process.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.certportal.audit.api.AuditLog;
import org.certportal.mail.api.MailOutbox;
import org.certportal.persistence.api.SchemaMigrator;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.ProcessType;
import org.certportal.security.api.SecurityService;

/**
 * The real process engine outside OSGi, for the tests of a feature's process types: its service and
 * one worker that runs what is queued until nothing is left. Published in this bundle's test-jar
 * (classifier tests) for every area's tests; it lives in the engine's package because the engine's
 * entry points for tests are package-private there.
 */
public final class ProcessHarness {
    private final ProcessTypes types = new ProcessTypes();
    private final ProcessServiceImpl service;
    private final Engine engine;

    public ProcessHarness(SecurityService security, SchemaMigrator migrator, DataSource dataSource, AuditLog audit,
            MailOutbox mail, Clock clock, int chunkSize) {
        service = new ProcessServiceImpl(security, migrator, dataSource, audit, mail, types, clock);
        engine = new Engine(new EngineSettings("test", chunkSize, 1, Duration.ofSeconds(1), Duration.ofMinutes(2)),
                dataSource, types, security, new RunEvents(audit, mail, clock), new RunQueue(dataSource, audit));
    }

    public ProcessHarness add(ProcessType type) {
        types.add(type);
        return this;
    }

    public ProcessHarness remove(ProcessType type) {
        types.remove(type);
        return this;
    }

    public ProcessService service() {
        return service;
    }

    /** Runs queued runs, chunk after chunk, until none is left. @return runs executed */
    public int runUntilIdle() throws SQLException {
        return engine.runUntilIdle();
    }

    public String file(long runId, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.writeResultFile(runId, name, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
