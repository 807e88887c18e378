package org.certportal.process.api;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The engine as the portal, the shell and other bundles use it. Reading demands
 * {@link ProcessPermissions#READ}; acting demands {@link ProcessPermissions#RUN} and the type's own
 * permission. Bad input throws {@link IllegalArgumentException} with a clear sentence and changes
 * nothing; every change is audited.
 */
@ProviderType
public interface ProcessService {

    /** Registered types, and types known only from active schedules or unfinished runs (unavailable), by title. */
    List<ProcessTypeInfo> types();

    Optional<ProcessTypeInfo> type(String typeId);

    /**
     * Queues a run now (a preview when {@code options.dryRun()}); a worker picks it up within moments.
     *
     * @return the run's id
     * @throws RunAlreadyActiveException when a run of the type for the same scope is queued or running,
     *         in this portal or another on the same database
     * @throws IllegalArgumentException for an unknown or unavailable type or bad parameters
     */
    long start(String typeId, Map<String, String> parameters, RunOptions options);

    /** Stores a schedule; it fires at its time, also after restarts. @return the schedule's id */
    long schedule(ScheduleRequest request);

    /**
     * Replaces an active schedule's process parameters, time, recurrence and options (not its type).
     *
     * @throws java.util.ConcurrentModificationException when someone changed it since {@code version}
     */
    ProcessSchedule updateSchedule(long scheduleId, long version, ScheduleRequest request);

    /** Stops an active schedule from firing again; runs it made are not touched. */
    void cancelSchedule(long scheduleId);

    /** Newest first; filtered by type id (optional) and state (optional), paged in the database. */
    Page<ProcessSchedule> schedules(String typeId, ScheduleState state, PageRequest page);

    Optional<ProcessSchedule> findSchedule(long scheduleId);

    /**
     * A queued run is cancelled at once; a running one stops after the chunk it is in (it shows
     * CANCELLING until then).
     *
     * @throws IllegalArgumentException when the run has finished
     */
    ProcessRun cancel(long runId);

    /**
     * Starts a run of the same type and parameters over the failed rows of a finished run only.
     *
     * @return the new run's id
     * @throws IllegalArgumentException when the run has not finished or has no failed rows
     */
    long retryFailed(long runId);

    /** Newest first, filtered and paged in the database. */
    Page<ProcessRun> runs(RunFilter filter, PageRequest page);

    /**
     * How many runs match the filter, counted in the database; with {@code finishedSince}, only runs
     * that finished at or after it (e.g. runs failed in the last seven days). Demands the read permission.
     *
     * @since 1.1
     */
    long countRuns(RunFilter filter, Instant finishedSince);

    Optional<ProcessRun> run(long runId);

    /**
     * The run's rows in selection order, optionally only those in one state, paged in the database.
     * Demands the type's permission too.
     */
    Page<RowResult> rows(long runId, RowState state, PageRequest page);

    /** {@link ResultFile#OUTCOMES} and the type's result files. */
    List<String> resultFiles(long runId);

    /** The name to save a result file under: process, run and time, e.g. {@code masscert-run-42-20260504-0800-outcomes.csv}. */
    String downloadName(long runId, String resultFile);

    /**
     * Writes a result file as CSV (RFC 4180, UTF-8, header row), streamed from the database. Demands
     * the type's permission too.
     *
     * @throws IllegalArgumentException for an unknown run or file
     */
    void writeResultFile(long runId, String resultFile, OutputStream out) throws IOException;
}
