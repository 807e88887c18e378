package org.certportal.process.api;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of long process, registered as an OSGi service by the feature bundle that owns it. The
 * engine does the rest: schedules, runs in chunks of one transaction each, dry runs, cancel and
 * resume, history and result files. When the bundle goes away its schedules and queued runs wait
 * (shown as unavailable) until it comes back; a running run stops after its chunk and waits too.
 *
 * <p>Two promises make a run exactly-once even across crashes: {@link #select} lists the rows once,
 * in a stable order, and the engine freezes that list; {@link #process} changes a row only through
 * the chunk's connection ({@link RowContext#connection()} or {@link RowContext#update}), so the
 * change commits together with the row's outcome or not at all.
 *
 * <p>A type may also work a whole chunk at once ({@link #processChunk}): read what all its rows need in
 * one query and write with one batched statement per table, instead of a round trip per row. The
 * promises stay the same; see that method for the contract.
 */
@ConsumerType
public interface ProcessType {

    /** Stable id, lower case letters, digits, '-' and '.', e.g. {@code masscert} or {@code enrollments.consistency}. */
    String id();

    String title();

    /** One or two sentences for the Process Center and {@code process:list}. */
    String description();

    /** The permission needed to start, preview, schedule or cancel it (besides {@link ProcessPermissions#RUN}). */
    String permission();

    /** The parameters a run takes; none by default. */
    default List<ParameterDefinition> parameters() {
        return List.of();
    }

    /**
     * Checks raw values (from a form or {@code key=value} shell arguments). The default checks them
     * against {@link #parameters()}; override to add checks across parameters.
     *
     * @throws IllegalArgumentException with a sentence per bad parameter
     */
    default ProcessParameters validate(Map<String, String> raw) {
        return ProcessParameters.validate(parameters(), raw);
    }

    /**
     * What a run works on, for the rule "one active run per type and scope": e.g. a program code for
     * a mass certification, or "all". A second start for the same scope is refused while one is active.
     */
    default String scope(ProcessParameters parameters) {
        return "all";
    }

    /**
     * Lists the rows to process, each once, in a stable order, by calling {@link SelectionContext#add}
     * with the row's idempotency key (e.g. {@code enrollment:123}). Called once per run, when it
     * starts, as the user who started it; the list is then frozen.
     */
    void select(ProcessParameters parameters, SelectionContext selection) throws SQLException;

    /**
     * Processes one row, idempotently, inside the chunk's transaction and as the user who started
     * the run. In a dry run it must change nothing and say what it would change; the engine rolls
     * back whatever a dry run's chunk wrote all the same. Throwing rolls this row back and records it
     * failed with the exception's message; the other rows of the chunk are kept.
     */
    RowOutcome process(RowContext row, String key, boolean dryRun) throws SQLException;

    /**
     * Processes the rows of one chunk at once, in the chunk's transaction and as the user who started the
     * run. The default calls {@link #process} for each key in order; a type overrides it to read what the
     * chunk needs in one query and write in batches (one round trip per table per chunk).
     *
     * <p>The contract:
     * <ul>
     * <li>{@code keys} are the chunk's rows in the selection's order, each listed once. Return one outcome
     * per key, in the same order (a missing list, a list of another size or a missing outcome is treated
     * as if the method had thrown, see below). Statements and result lines of one row go through {@code chunk.row(key)}; statements of the
     * whole chunk may be executed on {@link ChunkContext#connection()} directly, as JDBC batches.</li>
     * <li>Exactly once: everything written through the chunk's connection commits in one transaction
     * together with every row's outcome and the run's progress, or nothing does. A crash (or a lost
     * database) mid-chunk rolls the whole chunk back; when the run resumes the chunk is processed again
     * from the start, so nothing of it is done twice. Never commit, roll back or set savepoints
     * on the connection yourself.</li>
     * <li>Per-row outcomes: return {@link RowOutcome#failed} or {@link RowOutcome#skipped} only for rows
     * for which nothing was written on the connection directly (their deferred {@code row(key).update}
     * statements are dropped by the engine when they fail). A row whose changes must be undone is
     * reported by throwing.</li>
     * <li>Per-row failures: when this method throws (any row's problem, a batch that fails, a unique key),
     * the engine rolls the whole chunk back and processes the same keys again one by one with
     * {@link #process}, each row in a savepoint of the chunk's transaction: the failing rows are recorded
     * failed with their exception's message and the others are kept. So a type overriding this method
     * still implements {@link #process} for the same rows with the same effect; it is the reference the
     * chunk step must agree with, and a chunk is never half kept.</li>
     * <li>Dry run: change nothing and say what would change; the engine rolls the chunk back anyway and
     * keeps only the outcomes and result lines.</li>
     * </ul>
     *
     * @since 1.2
     */
    default List<RowOutcome> processChunk(ChunkContext chunk, List<String> keys, boolean dryRun)
            throws SQLException {
        List<RowOutcome> outcomes = new ArrayList<>(keys.size());
        for (String key : keys) {
            outcomes.add(process(chunk.row(key), key, dryRun));
        }
        return outcomes;
    }

    /** The CSV files this type writes rows to (with {@link RowContext#write}); none by default. */
    default List<ResultFile> resultFiles() {
        return List.of();
    }
}
