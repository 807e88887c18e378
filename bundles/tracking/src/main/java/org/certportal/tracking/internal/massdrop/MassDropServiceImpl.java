package org.certportal.tracking.internal.massdrop;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.enrollments.api.StatusChange;
import org.certportal.enrollments.api.StatusChangeResult;
import org.certportal.persistence.api.DataSources;
import org.certportal.persistence.api.JdbcTransactions;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;
import org.certportal.security.api.Caller;
import org.certportal.security.api.SecurityService;
import org.certportal.tracking.api.DroppedRow;
import org.certportal.tracking.api.TrackingPermissions;
import org.certportal.tracking.api.MassDropService;
import org.certportal.tracking.api.RevertPlan;
import org.certportal.tracking.api.RevertReport;
import org.certportal.tracking.internal.TrackingSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What mass drop runs changed, and their revert: in one transaction, every row nobody changed since the run
 * (its enrollment still at the version the run left) goes back through the enrollments' status door as the
 * revert of a recorded change; the others are left alone and listed. The revert's own row, keyed by the run,
 * makes a second one change nothing.
 */
@Component(service = MassDropService.class)
public class MassDropServiceImpl implements MassDropService {
    /** The audit log's entity type for a mass drop's revert (its id is the run's). */
    static final String AUDIT_TYPE = "mass drop";
    /** Moves sent to the status door at once. */
    private static final int DOOR_BATCH = 500;
    private final DataSource ds;
    private final SecurityService security;
    private final EnrollmentService enrollments;
    private final ProcessService processes;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public MassDropServiceImpl(@Reference(target = DataSources.TARGET) DataSource ds,
            @Reference SecurityService security, @Reference EnrollmentService enrollments,
            @Reference ProcessService processes, @Reference AuditLog audit, @Reference TrackingSchema schema) {
        this(ds, security, enrollments, processes, audit, Clock.systemUTC());
    }

    /** With a clock (tests; not public: SCR must see one constructor of this arity). */
    MassDropServiceImpl(DataSource ds, SecurityService security, EnrollmentService enrollments,
            ProcessService processes, AuditLog audit, Clock clock) {
        this.ds = ds;
        this.security = security;
        this.enrollments = enrollments;
        this.processes = processes;
        this.audit = audit;
        this.clock = clock;
    }

    /** For the tests of other packages. */
    public static MassDropServiceImpl forTests(DataSource ds, SecurityService security, EnrollmentService enrollments,
            ProcessService processes, AuditLog audit, Clock clock) {
        return new MassDropServiceImpl(ds, security, enrollments, processes, audit, clock);
    }

    @Override
    public boolean revertable(long runId) {
        security.require(TrackingPermissions.MASS_DROP);
        Optional<ProcessRun> run = processes.run(runId);
        if (run.isEmpty() || refusal(runId, run) != null) {
            return false;
        }
        return JdbcTransactions.required(ds, c -> MassDropLog.revert(c, runId).isEmpty());
    }

    @Override
    public RevertPlan plan(long runId) {
        security.require(TrackingPermissions.MASS_DROP);
        ProcessRun run = finishedMassDrop(runId);
        return JdbcTransactions.required(ds, c -> {
            Optional<MassDropLog.Revert> done = MassDropLog.revert(c, runId);
            long[] counts = MassDropLog.counts(c, runId);
            return new RevertPlan(runId, describe(run), counts[1], counts[0] - counts[1],
                    done.map(MassDropLog.Revert::at).orElse(null), done.map(MassDropLog.Revert::by).orElse(null),
                    done.map(MassDropLog.Revert::movedBack).orElse(0L));
        });
    }

    @Override
    public Page<DroppedRow> rows(long runId, PageRequest page) {
        security.require(TrackingPermissions.MASS_DROP);
        finishedMassDrop(runId);
        return JdbcTransactions.required(ds, c -> new Page<>(MassDropLog.rows(c, runId, page).stream()
                .map(MassDropLog.Recorded::row).toList(), MassDropLog.counts(c, runId)[0]));
    }

    @Override
    public RevertReport revert(long runId) {
        Caller caller = security.require(TrackingPermissions.MASS_DROP);
        finishedMassDrop(runId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return JdbcTransactions.required(ds, c -> {
            Optional<MassDropLog.Revert> before = MassDropLog.revert(c, runId);
            if (before.isPresent()) {
                return new RevertReport(runId, true, 0, List.of(), 0, "Run " + runId + " was reverted on "
                        + before.get().at().truncatedTo(ChronoUnit.SECONDS) + " by " + before.get().by()
                        + "; nothing changed now.");
            }
            // first: a concurrent second revert waits on this key, then fails and changes nothing
            try {
                MassDropLog.claimRevert(c, runId, caller.userName(), Timestamp.valueOf(LocalDateTime.ofInstant(now,
                        ZoneOffset.UTC)));
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    throw new ConcurrentModificationException("Run " + runId + " was reverted by someone else just"
                            + " now; nothing changed.");
                }
                throw e;
            }
            List<MassDropLog.Recorded> rows = MassDropLog.all(c, runId);
            List<StatusChange> back = new ArrayList<>();
            Map<Long, MassDropLog.Recorded> byId = new HashMap<>();
            List<RevertReport.LeftAlone> leftAlone = new ArrayList<>();
            for (MassDropLog.Recorded r : rows) {
                DroppedRow d = r.row();
                byId.put(d.enrollmentId(), r);
                if (d.unchanged()) {
                    back.add(StatusChange.revert(d.enrollmentId(), r.versionAfter(), d.from(), "Revert of mass drop run "
                            + runId));
                } else if (!d.reverted()) {
                    leftAlone.add(leftAlone(d, d.revertSays().replaceFirst("^Left alone: ", "")));
                }
            }
            List<Long> moved = new ArrayList<>();
            for (int i = 0; i < back.size(); i += DOOR_BATCH) {
                StatusChangeResult result = enrollments.changeStatus(c, back.subList(i, Math.min(back.size(),
                        i + DOOR_BATCH)), revertSource(runId));
                result.changed().forEach(e -> moved.add(e.id()));
                for (StatusChangeResult.Refused refused : result.refused()) {
                    leftAlone.add(leftAlone(byId.get(refused.enrollmentId()).row(), "refused: " + refused.reason()));
                }
            }
            MassDropLog.markReverted(c, runId, moved);
            MassDropLog.revertDone(c, runId, moved.size(), leftAlone.size());
            audit.record(c, AUDIT_TYPE, runId, "reverted", Changes.of().field("movedBack", null, moved.size())
                    .field("leftAlone", null, leftAlone.size()));
            leftAlone.sort(Comparator.comparingLong(RevertReport.LeftAlone::enrollmentId));
            String summary = "Run " + runId + " reverted: " + moved.size() + (moved.size() == 1 ? " enrollment" :
                    " enrollments") + " moved back" + (leftAlone.isEmpty() ? "." : "; " + leftAlone.size()
                            + " changed since by someone else " + (leftAlone.size() == 1 ? "was" : "were")
                            + " left alone.");
            return new RevertReport(runId, false, moved.size(), leftAlone.subList(0, Math.min(leftAlone.size(),
                    REPORT_LIMIT)), leftAlone.size(), summary);
        });
    }

    /** What the audit log says made the revert's changes. */
    static String revertSource(long runId) {
        return "tracking mass drop revert of run " + runId;
    }

    private static RevertReport.LeftAlone leftAlone(DroppedRow d, String why) {
        return new RevertReport.LeftAlone(d.enrollmentId(), d.contactName(), d.identifier(), d.to(), d.now(), why);
    }

    /** The run, when it is a finished, real mass drop. @throws IllegalArgumentException otherwise */
    private ProcessRun finishedMassDrop(long runId) {
        Optional<ProcessRun> run = processes.run(runId);
        String refusal = refusal(runId, run);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        return run.get();
    }

    /** Why this run cannot be reverted, in a sentence; null when it is a finished, real mass drop. */
    static String refusal(long runId, Optional<ProcessRun> run) {
        if (run.isEmpty()) {
            return "There is no run " + runId + ".";
        }
        ProcessRun r = run.get();
        if (!PROCESS_TYPE.equals(r.typeId())) {
            return "Run " + runId + " is a run of " + r.typeTitle() + ", not a mass drop; only mass drops are"
                    + " reverted here.";
        }
        if (r.dryRun()) {
            return "Run " + runId + " was a preview: it changed nothing, so there is nothing to revert.";
        }
        if (!r.state().isFinal()) {
            return "Run " + runId + " has not finished; revert it once it has (or cancel it first).";
        }
        return null;
    }

    private static String describe(ProcessRun run) {
        return String.join(" ", new TreeMap<>(run.parameters()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
