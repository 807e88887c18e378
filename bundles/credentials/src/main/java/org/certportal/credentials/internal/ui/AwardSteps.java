package org.certportal.credentials.internal.ui;

import java.util.Objects;

import org.certportal.credentials.api.AwardCriteria;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.RunState;

/**
 * Where the credentials page stands in its three steps, and the moves between them; the view renders
 * the stage and forwards clicks and polls here. (1) Search: editing the criteria, the preview run
 * searching, the search done; (2) Confirm; (3) the award run processing, then its summary. Going back
 * from Confirm changes nothing. The runs are the process engine's, so a stage is rebuilt from a run's id
 * ({@link #resume}) when the user comes back to {@code credentials?run=N}.
 */
final class AwardSteps {
    enum Stage {
        EDIT(1), SEARCHING(1), SEARCHED(1), CONFIRM(2), PROCESSING(3), SUMMARY(3);

        private final int step;

        Stage(int step) {
            this.step = step;
        }

        /** 1 Search, 2 Confirm, 3 Process and summary. */
        int step() {
            return step;
        }
    }

    static final String ROUTE = "credentials";

    private Stage stage = Stage.EDIT;
    private AwardCriteria criteria;
    private long found;
    private Long previewRunId;
    private Long awardRunId;
    private String problem;

    Stage stage() {
        return stage;
    }

    AwardCriteria criteria() {
        return criteria;
    }

    /** Achieved-but-not-awarded credentials the search found. */
    long found() {
        return found;
    }

    Long previewRunId() {
        return previewRunId;
    }

    Long awardRunId() {
        return awardRunId;
    }

    /** Why the last run did not finish (failed or cancelled); null otherwise. */
    String problem() {
        return problem;
    }

    /** The run the page follows now, or null: the one the address carries. */
    Long currentRunId() {
        return awardRunId != null ? awardRunId : previewRunId;
    }

    /** The page's address for this stage, so leaving and coming back finds the run. */
    String location() {
        Long run = currentRunId();
        return run == null ? ROUTE : ROUTE + "?run=" + run;
    }

    /** The search's preview run started (step 1). */
    void searchStarted(AwardCriteria c, long count, long previewRun) {
        require(stage == Stage.EDIT || stage == Stage.SEARCHED, "search");
        criteria = Objects.requireNonNull(c);
        found = count;
        previewRunId = previewRun;
        awardRunId = null;
        problem = null;
        stage = Stage.SEARCHING;
    }

    /** A poll while searching or processing: moves on when the followed run has finished. */
    void update(ProcessRun run) {
        if (stage == Stage.SEARCHING && run.id() == previewRunId && run.state().isFinal()) {
            if (run.state() == RunState.COMPLETED) {
                stage = Stage.SEARCHED;
            } else {
                problem = ended(run);
                previewRunId = null;
                stage = Stage.EDIT;
            }
        } else if (stage == Stage.PROCESSING && run.id() == awardRunId && run.state().isFinal()) {
            problem = run.state() == RunState.COMPLETED ? null : ended(run);
            stage = Stage.SUMMARY;
        }
    }

    /** Whether step 2 may be opened: the search is done and found something. */
    boolean canConfirm() {
        return stage == Stage.SEARCHED && found > 0;
    }

    /** From the search result to step 2. */
    void next() {
        require(canConfirm(), "confirm");
        stage = Stage.CONFIRM;
    }

    /** Back one stage without changing anything: from Confirm to the search result, from there to the criteria. */
    void back() {
        switch (stage) {
        case CONFIRM -> stage = Stage.SEARCHED;
        case SEARCHED -> {
            previewRunId = null;
            stage = Stage.EDIT;
        }
        default -> throw new IllegalStateException("There is no going back from " + stage + ".");
        }
    }

    /** The award run started (step 3). */
    void confirmed(long runId) {
        require(stage == Stage.CONFIRM, "award");
        awardRunId = runId;
        problem = null;
        stage = Stage.PROCESSING;
    }

    /** From the summary (or the criteria) to a new, empty search. */
    void startAnother() {
        require(stage == Stage.SUMMARY || stage == Stage.EDIT || stage == Stage.SEARCHED, "start another search");
        stage = Stage.EDIT;
        criteria = null;
        found = 0;
        previewRunId = null;
        awardRunId = null;
        problem = null;
    }

    /**
     * The stage of a run the user comes back to: a preview is the search (running or done), an award run
     * is step 3 (processing or its summary).
     *
     * @param c the run's criteria
     * @param count what the criteria find now
     */
    static AwardSteps resume(ProcessRun run, AwardCriteria c, long count) {
        AwardSteps s = new AwardSteps();
        s.criteria = c;
        s.found = count;
        if (run.dryRun()) {
            s.previewRunId = run.id();
            s.stage = Stage.SEARCHING;
        } else {
            s.awardRunId = run.id();
            s.stage = Stage.PROCESSING;
        }
        s.update(run);
        return s;
    }

    private static String ended(ProcessRun run) {
        return "Run " + run.id() + (run.state() == RunState.CANCELLED ? " was cancelled." : " failed: "
                + (run.error() == null ? "see the Process Center." : run.error()));
    }

    private void require(boolean allowed, String what) {
        if (!allowed) {
            throw new IllegalStateException("Cannot " + what + " at " + stage + ".");
        }
    }
}
