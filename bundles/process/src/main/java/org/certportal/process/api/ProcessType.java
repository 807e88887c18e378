package org.certportal.process.api;

import java.sql.SQLException;
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

    /** The CSV files this type writes rows to (with {@link RowContext#write}); none by default. */
    default List<ResultFile> resultFiles() {
        return List.of();
    }
}
