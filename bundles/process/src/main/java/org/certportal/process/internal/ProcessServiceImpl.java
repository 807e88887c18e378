package org.certportal.process.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.mail.api.MailMessage;
import org.certportal.mail.api.MailOutbox;
import org.certportal.persistence.api.DataSources;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.api.SchemaMigrator;
import org.certportal.process.api.ProcessParameters;
import org.certportal.process.api.ProcessPermissions;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessSchedule;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.ProcessType;
import org.certportal.process.api.ProcessTypeInfo;
import org.certportal.process.api.ResultFile;
import org.certportal.process.api.RowResult;
import org.certportal.process.api.RowState;
import org.certportal.process.api.RunFilter;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.RunState;
import org.certportal.process.api.ScheduleRequest;
import org.certportal.process.api.ScheduleState;
import org.certportal.security.api.Caller;
import org.certportal.security.api.SecurityService;
import org.certportal.security.api.UserDirectory;
import org.certportal.settings.api.SettingsService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The engine's API: checks, stores and reads; the {@link ProcessEngine} executes. Immediate: the
 * schema is migrated when the bundle starts.
 */
@Component(immediate = true)
public class ProcessServiceImpl implements ProcessService {
    static final String CHANGELOG = "db/process.changelog.xml";
    static final String SCHEDULE_AUDIT_TYPE = "process-schedule";
    private static final int STREAM_PAGE = 1000;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
            .withZone(ZoneOffset.UTC);
    private final SecurityService security;
    private final DataSource dataSource;
    private final AuditLog audit;
    private final ProcessTypes types;
    private final RunQueue queue;
    private final RunEvents events;
    private final Clock clock;

    /** The engine, while its configuration is valid; it references this service, hence optional and dynamic. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EngineWakeUp wakeUp;

    /** The organisation's time zone for schedules given without one; the system's when absent. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SettingsService settings;

    /** The accounts, for the address of whoever starts or schedules a run without naming one. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile UserDirectory users;

    @Activate
    public ProcessServiceImpl(@Reference SecurityService security, @Reference SchemaMigrator migrator,
            @Reference(target = DataSources.TARGET) DataSource dataSource, @Reference AuditLog audit,
            @Reference MailOutbox mail, @Reference ProcessTypes types) {
        this(security, migrator, dataSource, audit, mail, types, Clock.systemUTC());
    }

    ProcessServiceImpl(SecurityService security, SchemaMigrator migrator, DataSource dataSource, AuditLog audit,
            MailOutbox mail, ProcessTypes types, Clock clock) {
        migrator.migrate(ProcessServiceImpl.class, CHANGELOG);
        this.security = security;
        this.dataSource = dataSource;
        this.audit = audit;
        this.types = types;
        this.clock = clock;
        this.queue = new RunQueue(dataSource, audit);
        this.events = new RunEvents(audit, mail, clock);
    }

    @Override
    public List<ProcessTypeInfo> types() {
        security.require(ProcessPermissions.READ);
        List<ProcessTypeInfo> all = new ArrayList<>(types.all().stream().map(ProcessServiceImpl::info).toList());
        Set<String> waiting = new TreeSet<>(sql(() -> {
            try (Connection c = dataSource.getConnection()) {
                return ScheduleStore.activeTypeIds(c);
            }
        }));
        all.forEach(t -> waiting.remove(t.id()));
        waiting.forEach(id -> all.add(new ProcessTypeInfo(id, id, "Not installed right now: its schedules and runs wait"
                + " for it.", "", List.of(), List.of(), false)));
        all.sort(Comparator.comparing(ProcessTypeInfo::title, String.CASE_INSENSITIVE_ORDER));
        return all;
    }

    @Override
    public Optional<ProcessTypeInfo> type(String typeId) {
        return types().stream().filter(t -> t.id().equals(typeId)).findFirst();
    }

    private static ProcessTypeInfo info(ProcessType t) {
        List<String> files = new ArrayList<>();
        files.add(ResultFile.OUTCOMES);
        t.resultFiles().forEach(f -> files.add(f.name()));
        return new ProcessTypeInfo(t.id(), t.title(), t.description(), t.permission(), t.parameters(), files, true);
    }

    @Override
    public long start(String typeId, Map<String, String> parameters, RunOptions options) {
        Caller caller = security.require(ProcessPermissions.RUN);
        ProcessType type = availableType(typeId);
        security.require(type.permission());
        RunOptions opts = options == null ? RunOptions.run() : options;
        String notifyTo = notifyAddress(opts.notifyTo());
        checkAddress(notifyTo);
        ProcessParameters params = type.validate(parameters);
        String scope = RunExecution.checkedScope(type, params);
        long id = sql(() -> queue.queue(new RunStore.NewRun(type.id(), type.title(), type.permission(), scope,
                params.asMap(), opts.dryRun(), caller, notifyTo, null, null, clock.instant()),
                type.resultFiles(), null));
        ring();
        return id;
    }

    @Override
    public long schedule(ScheduleRequest request) {
        Caller caller = security.require(ProcessPermissions.RUN);
        ScheduleStore.Values values = scheduleValues(request, caller);
        long id = sql(() -> Jdbc.inTransaction(dataSource, c -> {
            long sid = ScheduleStore.insert(c, values, clock.instant());
            audit.record(c, SCHEDULE_AUDIT_TYPE, sid, "scheduled", describe(null, values));
            return sid;
        }));
        ring();
        return id;
    }

    @Override
    public ProcessSchedule updateSchedule(long scheduleId, long version, ScheduleRequest request) {
        Caller caller = security.require(ProcessPermissions.RUN);
        ScheduleStore.Stored stored = storedSchedule(scheduleId);
        security.require(stored.permission());
        if (stored.schedule().state() != ScheduleState.ACTIVE) {
            throw new IllegalArgumentException("Schedule " + scheduleId + " is " + stored.schedule().state().name()
                    .toLowerCase() + "; add a new schedule instead.");
        }
        if (!stored.schedule().typeId().equals(request.typeId())) {
            throw new IllegalArgumentException("A schedule keeps its process; cancel it and add a new one for "
                    + request.typeId() + ".");
        }
        ScheduleStore.Values values = scheduleValues(request, caller);
        sql(() -> Jdbc.inTransaction(dataSource, c -> {
            if (!ScheduleStore.replace(c, scheduleId, version, values)) {
                throw new ConcurrentModificationException("Schedule " + scheduleId + " was changed or fired by someone"
                        + " else meanwhile; reload it and try again.");
            }
            audit.record(c, SCHEDULE_AUDIT_TYPE, scheduleId, "edited", describe(stored.schedule(), values));
            return null;
        }));
        ring();
        return storedSchedule(scheduleId).schedule();
    }

    private ScheduleStore.Values scheduleValues(ScheduleRequest request, Caller caller) {
        ProcessType type = availableType(request.typeId());
        security.require(type.permission());
        String notifyTo = notifyAddress(request.options().notifyTo());
        checkAddress(notifyTo);
        ProcessParameters params = type.validate(request.parameters());
        RunExecution.checkedScope(type, params);
        ZoneId zone = request.zone() != null ? request.zone() : organisationZone();
        Instant next = ScheduleTimes.firstFiring(request.firstAt(), zone, request.recurrence(), clock.instant());
        return new ScheduleStore.Values(type.id(), type.permission(), ParameterCodec.encode(params.asMap()),
                request.firstAt(), zone, request.recurrence(), request.options().dryRun(),
                notifyTo, next, caller);
    }

    private static Changes describe(ProcessSchedule before, ScheduleStore.Values v) {
        Changes changes = Changes.of();
        changes.field("process", before == null ? null : before.typeId(), v.typeId());
        changes.field("parameters", before == null ? null : before.parameters(), ParameterCodec.decode(v.params()));
        changes.field("first at", before == null ? null : before.firstAt(), v.firstAt());
        changes.field("zone", before == null ? null : before.zone(), v.zone());
        changes.field("recurrence", before == null ? null : before.recurrence(), v.recurrence());
        changes.field("dry run", before == null ? null : before.dryRun(), v.dryRun());
        changes.field("notify", before == null ? null : before.notifyTo(), v.notifyTo());
        return changes;
    }

    /** The organisation's zone, read as the caller (who holds portal access), else the system's. */
    ZoneId organisationZone() {
        SettingsService s = settings;
        if (s != null) {
            try {
                return s.current().timeZone();
            } catch (RuntimeException e) {
                // no settings readable right now: the system's zone is the next best guess
            }
        }
        return ZoneId.systemDefault();
    }

    @Override
    public void cancelSchedule(long scheduleId) {
        security.require(ProcessPermissions.RUN);
        ScheduleStore.Stored stored = storedSchedule(scheduleId);
        security.require(stored.permission());
        sql(() -> Jdbc.inTransaction(dataSource, c -> {
            if (!ScheduleStore.cancel(c, scheduleId)) {
                throw new IllegalArgumentException("Schedule " + scheduleId + " is not active (it is "
                        + stored.schedule().state().name().toLowerCase() + ").");
            }
            audit.record(c, SCHEDULE_AUDIT_TYPE, scheduleId, "cancelled",
                    Changes.of().field("state", ScheduleState.ACTIVE, ScheduleState.CANCELLED));
            return null;
        }));
    }

    @Override
    public Page<ProcessSchedule> schedules(String typeId, ScheduleState state, PageRequest page) {
        security.require(ProcessPermissions.READ);
        fixedOrder(page);
        return sql(() -> {
            try (Connection c = dataSource.getConnection()) {
                return ScheduleStore.search(c, typeId, state, page, types::isAvailable);
            }
        });
    }

    @Override
    public Optional<ProcessSchedule> findSchedule(long scheduleId) {
        security.require(ProcessPermissions.READ);
        return sql(() -> {
            try (Connection c = dataSource.getConnection()) {
                return ScheduleStore.find(c, scheduleId, types::isAvailable).map(ScheduleStore.Stored::schedule);
            }
        });
    }

    private ScheduleStore.Stored storedSchedule(long scheduleId) {
        return sql(() -> {
            try (Connection c = dataSource.getConnection()) {
                return ScheduleStore.find(c, scheduleId, types::isAvailable);
            }
        }).orElseThrow(() -> new IllegalArgumentException("There is no schedule " + scheduleId + "."));
    }

    @Override
    public ProcessRun cancel(long runId) {
        security.require(ProcessPermissions.RUN);
        StoredRun run = storedRun(runId);
        security.require(run.permission());
        sql(() -> Jdbc.inTransaction(dataSource, c -> {
            StoredRun now = RunStore.find(c, runId).orElseThrow();
            RunState to = RunLifecycle.onCancel(now.state());
            boolean changed = to == RunState.CANCELLED
                    ? events.finish(c, runId, RunState.CANCELLED, null, now.heartbeatAt(), null)
                    : to == RunState.CANCELLING && now.state() == RunState.RUNNING && RunStore.requestCancel(c, runId);
            if (!changed && now.state() != RunState.CANCELLING) {
                // a worker claimed or finished it meanwhile
                throw new ConcurrentModificationException("Run " + runId + " changed just now; look at it again and"
                        + " cancel it if it is still active.");
            }
            if (to == RunState.CANCELLING && changed) {
                audit.record(c, RunEvents.AUDIT_TYPE, runId, "cancel requested",
                        Changes.of().field("state", now.state(), to));
            }
            return null;
        }));
        ring();
        return run(runId).orElseThrow();
    }

    @Override
    public long retryFailed(long runId) {
        Caller caller = security.require(ProcessPermissions.RUN);
        StoredRun run = storedRun(runId);
        security.require(run.permission());
        if (!run.state().isFinal()) {
            throw new IllegalArgumentException("Run " + runId + " is still " + RunLifecycle.label(run.state())
                    + "; retry its failed rows once it has finished.");
        }
        if (run.dryRun()) {
            throw new IllegalArgumentException("Run " + runId + " is a preview and changed nothing; start a new"
                    + " preview instead.");
        }
        if (run.failed() == 0) {
            throw new IllegalArgumentException("Run " + runId + " has no failed rows to retry.");
        }
        ProcessType type = availableType(run.typeId());
        security.require(type.permission());
        long id = sql(() -> queue.queue(new RunStore.NewRun(type.id(), type.title(), type.permission(), run.scope(),
                ParameterCodec.decode(run.params()), false, caller, run.notifyTo(), null, runId, clock.instant()),
                List.of(), null));
        ring();
        return id;
    }

    @Override
    public Page<ProcessRun> runs(RunFilter filter, PageRequest page) {
        security.require(ProcessPermissions.READ);
        fixedOrder(page);
        Instant now = clock.instant();
        Page<StoredRun> runs = sql(() -> {
            try (Connection c = dataSource.getConnection()) {
                return RunStore.search(c, filter == null ? RunFilter.all() : filter, page);
            }
        });
        return new Page<>(runs.items().stream().map(r -> r.toApi(now)).toList(), runs.total());
    }

    @Override
    public long countRuns(RunFilter filter, Instant finishedSince) {
        security.require(ProcessPermissions.READ);
        return sql(() -> {
            try (Connection c = dataSource.getConnection()) {
                return RunStore.count(c, filter == null ? RunFilter.all() : filter, finishedSince);
            }
        });
    }

    @Override
    public Optional<ProcessRun> run(long runId) {
        security.require(ProcessPermissions.READ);
        Instant now = clock.instant();
        return sql(() -> {
            try (Connection c = dataSource.getConnection()) {
                return RunStore.find(c, runId).map(r -> r.toApi(now));
            }
        });
    }

    @Override
    public Page<RowResult> rows(long runId, RowState state, PageRequest page) {
        security.require(ProcessPermissions.READ);
        StoredRun run = storedRun(runId);
        security.require(run.permission());
        fixedOrder(page);
        return sql(() -> {
            try (Connection c = dataSource.getConnection()) {
                return RunStore.rows(c, run, state, page);
            }
        });
    }

    @Override
    public List<String> resultFiles(long runId) {
        security.require(ProcessPermissions.READ);
        storedRun(runId);
        return sql(() -> {
            try (Connection c = dataSource.getConnection()) {
                return RunEvents.resultFiles(c, runId);
            }
        });
    }

    @Override
    public String downloadName(long runId, String resultFile) {
        security.require(ProcessPermissions.READ);
        StoredRun run = storedRun(runId);
        return run.typeId().replace('.', '-') + "-run-" + runId + "-" + FILE_TIME.format(run.queuedAt()) + "-"
                + resultFile;
    }

    @Override
    public void writeResultFile(long runId, String resultFile, OutputStream out) throws IOException {
        security.require(ProcessPermissions.READ);
        StoredRun run = storedRun(runId);
        security.require(run.permission());
        Map<String, String> declared = sql(() -> {
            try (Connection c = dataSource.getConnection()) {
                return RunStore.resultFiles(c, runId);
            }
        });
        if (!ResultFile.OUTCOMES.equals(resultFile) && !declared.containsKey(resultFile)) {
            throw new IllegalArgumentException("Run " + runId + " has no result file '" + resultFile + "'.");
        }
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        String eol = CSVFormat.RFC4180.getRecordSeparator();
        try (Connection c = dataSource.getConnection()) {
            if (ResultFile.OUTCOMES.equals(resultFile)) {
                writer.write(CSVFormat.RFC4180.format("row", "key", "outcome", "message") + eol);
                streamOutcomes(c, run, writer, eol);
            } else {
                writer.write(declared.get(resultFile) + eol);
                streamLines(c, runId, resultFile, writer, eol);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the result file failed: " + e.getMessage(), e);
        }
        writer.flush();
    }

    private static void streamOutcomes(Connection c, StoredRun run, Writer w, String eol)
            throws SQLException, IOException {
        // the run as it is now: rows processed since it was read are shown done
        StoredRun now = RunStore.find(c, run.id()).orElseThrow();
        long after = 0;
        for (boolean more = true; more;) {
            more = false;
            try (PreparedStatement select = c.prepareStatement("SELECT r.seq, r.row_key, o.state, o.message"
                    + RunStore.ROWS_WITH_OUTCOMES + " WHERE r.run_id = ? AND r.seq > ? ORDER BY r.seq LIMIT ?")) {
                select.setLong(1, now.id());
                select.setLong(2, after);
                select.setInt(3, STREAM_PAGE);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        more = true;
                        RowState state = RunStore.effective(rs.getString(3), after, now.processedThrough());
                        w.write(CSVFormat.RFC4180.format(after, rs.getString(2),
                                state.name().toLowerCase(java.util.Locale.ROOT), rs.getString(4)) + eol);
                    }
                }
            }
        }
    }

    private static void streamLines(Connection c, long runId, String file, Writer w, String eol)
            throws SQLException, IOException {
        long afterSeq = 0;
        int afterLine = 0;
        for (boolean more = true; more;) {
            more = false;
            // a row value comparison: the index starts each page where the last ended (an OR of the two columns
            // made PostgreSQL filter every earlier line again, page after page)
            try (PreparedStatement select = c.prepareStatement("SELECT row_seq, line_no, line FROM process_result_line"
                    + " WHERE run_id = ? AND file_name = ? AND (row_seq, line_no) > (?, ?)"
                    + " ORDER BY row_seq, line_no LIMIT ?")) {
                select.setLong(1, runId);
                select.setString(2, file);
                select.setLong(3, afterSeq);
                select.setInt(4, afterLine);
                select.setInt(5, STREAM_PAGE);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        afterSeq = rs.getLong(1);
                        afterLine = rs.getInt(2);
                        more = true;
                        w.write(rs.getString(3) + eol);
                    }
                }
            }
        }
    }

    // ---- helpers

    private ProcessType availableType(String typeId) {
        if (typeId == null || typeId.isBlank()) {
            throw new IllegalArgumentException("Choose a process.");
        }
        return types.find(typeId.strip()).orElseThrow(() -> new IllegalArgumentException("There is no process '"
                + typeId.strip() + "' installed right now; process:list shows the processes there are."));
    }

    private StoredRun storedRun(long runId) {
        return sql(() -> {
            try (Connection c = dataSource.getConnection()) {
                return RunStore.find(c, runId);
            }
        }).orElseThrow(() -> new IllegalArgumentException("There is no run " + runId + "."));
    }

    /** The address given, else the caller's own: whoever starts or schedules a run hears of its start and end. */
    private String notifyAddress(String given) {
        UserDirectory directory = users;
        return given != null || directory == null ? given : directory.ownEmail().orElse(null);
    }

    private static void checkAddress(String notifyTo) {
        if (notifyTo != null) {
            try {
                new MailMessage(notifyTo, "check", "");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Notify: " + e.getMessage(), e);
            }
        }
    }

    private static void fixedOrder(PageRequest page) {
        if (page.sortBy() != null) {
            throw new IllegalArgumentException("This list has a fixed order; it cannot be sorted by '" + page.sortBy()
                    + "'.");
        }
    }

    private void ring() {
        EngineWakeUp w = wakeUp;
        if (w != null) {
            w.wakeUp();
        }
    }

    interface SqlSupplier<T> {
        T get() throws SQLException;
    }

    static <T> T sql(SqlSupplier<T> work) {
        try {
            return work.get();
        } catch (SQLException e) {
            throw new IllegalStateException("The process database failed: " + e.getMessage(), e);
        }
    }
}
