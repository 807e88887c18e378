package org.certportal.credentials.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.certportal.credentials.api.CredentialPermissions;
import org.certportal.credentials.api.CredentialService;
import org.certportal.credentials.internal.CredentialAwarder.Achieved;
import org.certportal.credentials.internal.CredentialAwarder.Decision;
import org.certportal.credentials.internal.CredentialAwarder.Held;
import org.certportal.credentials.internal.CredentialAwarder.Outcome;
import org.certportal.credentials.internal.DeliveryRules.Delivery;
import org.certportal.persistence.api.JdbcStatements;
import org.certportal.process.api.ChunkContext;
import org.certportal.process.api.ParameterDefinition;
import org.certportal.process.api.ProcessParameters;
import org.certportal.process.api.ProcessType;
import org.certportal.process.api.ResultFile;
import org.certportal.process.api.RowContext;
import org.certportal.process.api.RowOutcome;
import org.certportal.process.api.SelectionContext;
import org.certportal.security.api.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Awards and orders credentials in bulk on the process engine. The search criteria are the run's
 * parameters; the selection, made once when the run starts, is one row per student listing the ids of
 * the achieved credentials found ({@code student:CONTACT:ID,ID}), so what a run works on is frozen. Per
 * student the {@link CredentialAwarder} decides and the {@link DeliveryRules} say where the document goes;
 * the row's writes commit with its outcome in the engine's chunk transaction, so after a crash a student
 * is never processed twice, and the unique constraints (one award per achieved credential, one first
 * issue per award, unique numbers) are the last guard. A dry run writes the pre-processing file and
 * changes nothing, not even the number sequence.
 *
 * <p>Awarding looks at every credential a student holds, whatever the search, so two runs could meet on
 * one student: one award run is active at a time (scope "all").
 */
@Component(service = {ProcessType.class, AwardProcess.class})
public class AwardProcess implements ProcessType {
    public static final String PRE = "pre-processing.csv";
    public static final String SUCCESSFUL = "post-processing-successful.csv";
    public static final String UNSUCCESSFUL = "post-processing-unsuccessful.csv";
    static final List<String> PRE_COLUMNS = List.of("student_id", "student_name", "credential_type", "achieved_on",
            "session", "school_or_authority", "proposed", "delivery_method", "delivery_address", "reason");
    static final List<String> SUCCESSFUL_COLUMNS = List.of("credential_number", "student_id", "student_name",
            "credential_type", "achieved_on", "session", "school_or_authority", "awarded_on", "ordered",
            "delivery_method", "delivery_address", "reason", "replaces");
    static final List<String> UNSUCCESSFUL_COLUMNS = List.of("student_id", "student_name", "credential_type",
            "achieved_on", "session", "school_or_authority", "outcome", "reason");
    static final String KEY = "student:";

    private final SecurityService security;
    private final Clock clock;
    private final NumberBlocks ids;
    private final NumberBlocks numbers;

    @Activate
    public AwardProcess(@Reference SecurityService security, @Reference CredentialsSchema schema) {
        this(security, Clock.systemUTC());
    }

    /** With the clock that says what day it is (tests). */
    AwardProcess(SecurityService security, Clock clock) {
        this.security = security;
        this.clock = clock;
        this.ids = new NumberBlocks();
        this.numbers = new NumberBlocks();
    }

    @Override
    public String id() {
        return CredentialService.AWARD_PROCESS;
    }

    @Override
    public String title() {
        return "Award and order credentials";
    }

    @Override
    public String description() {
        return "Awards the achieved credentials the search finds (per student the highest; lower ones superseded),"
                + " numbers them and orders their documents. The preview writes the pre-processing file.";
    }

    @Override
    public String permission() {
        return CredentialPermissions.AWARD;
    }

    @Override
    public List<ParameterDefinition> parameters() {
        return AwardParameters.DEFINITIONS;
    }

    @Override
    public ProcessParameters validate(Map<String, String> raw) {
        ProcessParameters p = ProcessType.super.validate(raw);
        AwardParameters.criteria(p);
        return p;
    }

    @Override
    public List<ResultFile> resultFiles() {
        return List.of(new ResultFile(PRE, PRE_COLUMNS), new ResultFile(SUCCESSFUL, SUCCESSFUL_COLUMNS),
                new ResultFile(UNSUCCESSFUL, UNSUCCESSFUL_COLUMNS));
    }

    @Override
    public void select(ProcessParameters parameters, SelectionContext selection) throws SQLException {
        security.require(permission());
        // earnings not yet turned into achieved credentials are searched too (frozen with the selection)
        EarnedEnrollments.sync(selection.connection(), ids, clock.instant());
        AwardQuery q = AwardQuery.of(StudentLists.criteria(selection.connection(), parameters));
        try (PreparedStatement ps = JdbcStatements.prepare(selection.connection(), "SELECT a.contact_id, a.id"
                + q.from() + " ORDER BY a.contact_id, a.id", q.params())) {
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                long student = -1;
                StringBuilder key = null;
                while (rs.next()) {
                    if (rs.getLong(1) != student) {
                        if (key != null) {
                            selection.add(key.toString());
                        }
                        student = rs.getLong(1);
                        key = new StringBuilder(KEY).append(student).append(':').append(rs.getLong(2));
                    } else {
                        key.append(',').append(rs.getLong(2));
                    }
                    if (key.length() > SelectionContext.MAX_KEY) {
                        throw new IllegalArgumentException("The student with contact id " + student + " has too many"
                                + " matching credentials for one run; narrow the search.");
                    }
                }
                if (key != null) {
                    selection.add(key.toString());
                }
            }
        }
    }

    /**
     * The chunk step: the chunk's students read in four statements, its document order found once, its ids and
     * numbers reserved in two, the achieved credentials it awards marked in one, and the rows' other writes
     * deferred so the engine sends them as one batch per statement. Anything thrown sends the chunk to {@link #process}, row by row.
     */
    @Override
    public List<RowOutcome> processChunk(ChunkContext chunk, List<String> keys, boolean dryRun) throws SQLException {
        List<StudentKey> parsed = new ArrayList<>(keys.size());
        for (String key : keys) {
            parsed.add(StudentKey.parse(key));
        }
        Connection c = chunk.connection();
        Map<Long, StudentCredentials> students = StudentCredentials.readAll(c, parsed.stream()
                .map(StudentKey::contactId).toList());
        Timestamp now = Timestamp.from(clock.instant());
        RunOrder order = new RunOrder(c, chunk.runId(), chunk.startedBy().userName(), now);
        if (!dryRun) {
            // at most an award and a document item per student, and the run's order: reserved in two round trips
            ids.reserve(2 * keys.size() + 1, n -> Sequences.next(c, Sequences.IDS, n));
            numbers.reserve(keys.size(), n -> Sequences.next(c, Sequences.NUMBERS, n));
        }
        List<RowOutcome> outcomes = new ArrayList<>(keys.size());
        List<Long> awarded = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            RowContext row = chunk.row(keys.get(i));
            StudentKey k = parsed.get(i);
            Lines lines = new Lines();
            outcomes.add(award(row, k, students.get(k.contactId()), dryRun, row::update, awarded::add, order, lines,
                    now));
            lines.flush(row);
        }
        // only rows that come out done award, and a done row is never undone: one statement for the chunk
        if (!awarded.isEmpty()) {
            try (PreparedStatement ps = JdbcStatements.prepare(c, "UPDATE achieved_credential SET status = 'AWARDED',"
                    + " status_reason = NULL WHERE id IN " + JdbcStatements.placeholders(awarded.size()), awarded)) {
                ps.executeUpdate();
            }
        }
        return outcomes;
    }

    /**
     * One student, the reference the chunk step agrees with (the engine uses it when a chunk threw). The writes
     * run at once inside a savepoint of this row's own: a row that fails is rolled back to it and listed in the
     * unsuccessful file with the reason (outcome FAILED), instead of vanishing from the files.
     */
    @Override
    public RowOutcome process(RowContext row, String key, boolean dryRun) throws SQLException {
        StudentKey k = StudentKey.parse(key);
        Connection c = row.connection();
        Timestamp now = Timestamp.from(clock.instant());
        RunOrder order = new RunOrder(c, row.runId(), row.startedBy().userName(), now);
        StudentCredentials s = StudentCredentials.read(c, k.contactId());
        Lines lines = new Lines();
        if (dryRun) {
            RowOutcome o = award(row, k, s, true, row::update, id -> { }, order, lines, now);
            lines.flush(row);
            return o;
        }
        Savepoint savepoint = c.setSavepoint();
        try {
            RowOutcome o = award(row, k, s, false, (sql, values) -> execute(c, sql, values), id -> execute(c, AWARDED,
                    id), order, lines, now);
            c.releaseSavepoint(savepoint);
            lines.flush(row);
            return o;
        } catch (SQLException | RuntimeException e) {
            c.rollback(savepoint);
            String reason = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : e.getMessage().strip();
            failedLines(row, k, s, reason);
            return RowOutcome.failed(reason);
        }
    }

    /** A student's row: parsed from {@code student:CONTACT:ID,ID}. */
    record StudentKey(long contactId, Set<Long> selectedIds) {
        static StudentKey parse(String key) {
            String[] parts = key.substring(KEY.length()).split(":");
            Set<Long> ids = new HashSet<>();
            for (String id : parts[1].split(",")) {
                ids.add(Long.valueOf(id));
            }
            return new StudentKey(Long.parseLong(parts[0]), ids);
        }
    }

    /** Where a row's statements go: deferred into the chunk's batches, or executed at once. */
    private interface Writes {
        void update(String sql, Object... values) throws SQLException;
    }

    /** Marks an achieved credential awarded: at once for one row, for the whole chunk in one statement. */
    private interface Awarded {
        void mark(long achievedId) throws SQLException;
    }

    private static final String AWARDED = "UPDATE achieved_credential SET status = 'AWARDED', status_reason = NULL"
            + " WHERE id = ?";

    /** A row's result lines, kept back until its writes have succeeded. */
    private static final class Lines {
        private final List<String> files = new ArrayList<>();
        private final List<Object[]> values = new ArrayList<>();

        void add(String file, Object... line) {
            files.add(file);
            values.add(line);
        }

        void flush(RowContext row) {
            for (int i = 0; i < files.size(); i++) {
                row.write(files.get(i), values.get(i));
            }
        }
    }

    private RowOutcome award(RowContext row, StudentKey k, StudentCredentials s, boolean dryRun, Writes writes,
            Awarded awarded, RunOrder order, Lines lines, Timestamp now) throws SQLException {
        if (s == null || !s.exists()) {
            String reason = "The student (contact " + k.contactId() + ") no longer exists.";
            lines.add(UNSUCCESSFUL, "", "", "", "", "", "", "FAILED", reason);
            return RowOutcome.failed(reason);
        }
        List<Achieved> selected = new ArrayList<>();
        List<Achieved> others = new ArrayList<>();
        for (Achieved a : s.pending()) {
            (k.selectedIds().contains(a.id()) ? selected : others).add(a);
        }
        Set<Long> gone = new HashSet<>(k.selectedIds());
        selected.forEach(a -> gone.remove(a.id()));
        Decision d = CredentialAwarder.decide(selected, others, s.held());
        Optional<Delivery> delivery = d.award().map(a -> DeliveryRules.decide(s.bodies().get(a.id()), s.name(),
                s.address()));
        if (dryRun) {
            return preview(lines, s, d, delivery, gone);
        }
        Connection c = row.connection();
        for (Outcome o : d.superseded()) {
            writes.update("UPDATE achieved_credential SET status = 'SUPERSEDED', status_reason = ? WHERE id = ?"
                    + " AND status = 'PENDING'", o.reason(), o.achieved().id());
        }
        unsuccessful(lines, s, d, gone);
        if (d.award().isEmpty()) {
            return RowOutcome.skipped(summary(d, gone));
        }
        Achieved a = d.award().get();
        LocalDate today = LocalDate.ofInstant(now.toInstant(), clock.getZone());
        long awardedId = Sequences.id(ids, c);
        long sequence = numbers.next(() -> Sequences.next(c, Sequences.NUMBERS));
        String number = new CredentialNumber(a.type().code(), today.getYear(), sequence).toString();
        writes.update("INSERT INTO awarded_credential (id, number, sequence_no, contact_id, type_id, achieved_id,"
                + " awarded_on, status, replaces_id, run_id, awarded_by, awarded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'AWARDED', ?, ?, ?, ?)", awardedId, number,
                sequence, k.contactId(), a.type().id(), a.id(), today,
                d.replaces().map(Held::id).orElse(null), row.runId(), row.startedBy().userName(), now);
        awarded.mark(a.id());
        for (Held h : d.supersededHeld()) {
            writes.update("UPDATE awarded_credential SET status = 'SUPERSEDED', status_reason = ? WHERE id = ?",
                    "Superseded by " + a.type().name() + " " + number + ".", h.id());
        }
        Delivery how = delivery.orElseThrow();
        if (how.ordered()) {
            PostalAddress to = how.address();
            writes.update("INSERT INTO document_order_item (id, order_id, awarded_id, issue_no, delivery_method,"
                    + " recipient, address_line1, address_line2, city, region, postal_code, country, status, status_at)"
                    + " VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 'ORDERED', ?)", Sequences.id(ids, c),
                    order.id(), awardedId, how.method().name(), shorten(how.recipient(), 300),
                    to.line1(), to.line2(), to.city(), to.region(), to.postalCode(), to.country(), now);
        }
        IssuingBody body = s.bodies().get(a.id());
        lines.add(SUCCESSFUL, number, s.studentId(), s.name(), a.type().code(), a.achievedOn(), s.sessions().get(a.id()),
                body.code(), today, how.ordered() ? "yes" : "no", how.ordered() ? how.method().name() : "",
                how.ordered() ? how.address().oneLine() : "", how.ordered() ? "" : how.reason(),
                d.replaces().map(Held::number).orElse(""));
        return RowOutcome.done("Awarded " + a.type().code() + " " + number + (how.ordered() ? ", ordered ("
                + how.method().name() + ")" : ", not ordered: " + how.reason())
                + (d.superseded().isEmpty() && d.refused().isEmpty() && gone.isEmpty() ? "" : "; " + summary(d, gone)));
    }

    private static void execute(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    /** A failed student in the unsuccessful file: a line per credential selected for them, or one line. */
    private static void failedLines(RowContext row, StudentKey k, StudentCredentials s, String reason) {
        List<Achieved> selected = s == null ? List.of() : s.pending().stream()
                .filter(a -> k.selectedIds().contains(a.id())).toList();
        if (selected.isEmpty()) {
            row.write(UNSUCCESSFUL, s == null ? "" : s.studentId(), s == null ? "" : s.name(), "", "", "", "",
                    "FAILED", reason);
        }
        for (Achieved a : selected) {
            row.write(UNSUCCESSFUL, s.studentId(), s.name(), a.type().code(), a.achievedOn(), s.sessions().get(a.id()),
                    s.bodies().get(a.id()).code(), "FAILED", reason);
        }
    }

    /**
     * The run's document order, found or made by the first document that needs it (a run's chunks run one after
     * another), then remembered for the chunk.
     */
    private final class RunOrder {
        private final Connection c;
        private final long runId;
        private final String actor;
        private final Timestamp now;
        private Long id;

        RunOrder(Connection c, long runId, String actor, Timestamp now) {
            this.c = c;
            this.runId = runId;
            this.actor = actor;
            this.now = now;
        }

        long id() throws SQLException {
            if (id == null) {
                id = orderFor(c, runId, actor, now);
            }
            return id;
        }
    }

    private long orderFor(Connection c, long runId, String actor, Timestamp now) throws SQLException {
        String reference = "run-" + runId;
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM document_order WHERE reference = ?")) {
            ps.setString(1, reference);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        long id = Sequences.id(ids, c);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO document_order (id, reference, ordered_by,"
                + " ordered_at) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, reference);
            ps.setString(3, actor);
            ps.setTimestamp(4, now);
            ps.executeUpdate();
        }
        return id;
    }

    private RowOutcome preview(Lines row, StudentCredentials s, Decision d, Optional<Delivery> delivery,
            Set<Long> gone) {
        if (d.award().isPresent()) {
            Achieved a = d.award().get();
            Delivery how = delivery.orElseThrow();
            previewLine(row, s, a, "AWARD", how.ordered() ? how.method().name() : "",
                    how.ordered() ? how.address().oneLine() : "", how.ordered() ? "" : how.reason());
        }
        d.superseded().forEach(o -> previewLine(row, s, o.achieved(), "SUPERSEDED", "", "", o.reason()));
        d.refused().forEach(o -> previewLine(row, s, o.achieved(), "REFUSED", "", "", o.reason()));
        d.waiting().forEach(o -> previewLine(row, s, o.achieved(), "WAITING", "", "", o.reason()));
        if (d.award().isEmpty()) {
            return RowOutcome.skipped(summary(d, gone));
        }
        return RowOutcome.done("Would award " + d.award().get().type().code()
                + delivery.map(how -> how.ordered() ? " and order (" + how.method().name() + ")"
                        : ", not ordered: " + how.reason()).orElse(""));
    }

    private static void previewLine(Lines row, StudentCredentials s, Achieved a, String proposed, String method,
            String address, String reason) {
        row.add(PRE, s.studentId(), s.name(), a.type().code(), a.achievedOn(), s.sessions().get(a.id()),
                s.bodies().get(a.id()).code(), proposed, method, address, reason);
    }

    private static void unsuccessful(Lines row, StudentCredentials s, Decision d, Set<Long> gone) {
        for (Outcome o : d.superseded()) {
            unsuccessfulLine(row, s, o, "SUPERSEDED");
        }
        for (Outcome o : d.refused()) {
            unsuccessfulLine(row, s, o, "REFUSED");
        }
        for (Outcome o : d.waiting()) {
            unsuccessfulLine(row, s, o, "WAITING");
        }
        for (Long id : gone) {
            row.add(UNSUCCESSFUL, s.studentId(), s.name(), "", "", "", "", "NOT_PENDING", "Achieved credential " + id
                    + " was awarded or superseded since the search.");
        }
    }

    private static void unsuccessfulLine(Lines row, StudentCredentials s, Outcome o, String outcome) {
        Achieved a = o.achieved();
        row.add(UNSUCCESSFUL, s.studentId(), s.name(), a.type().code(), a.achievedOn(), s.sessions().get(a.id()),
                s.bodies().get(a.id()).code(), outcome, o.reason());
    }

    private static String summary(Decision d, Set<Long> gone) {
        List<String> parts = new ArrayList<>();
        d.superseded().forEach(o -> parts.add(o.achieved().type().code() + " superseded"));
        d.refused().forEach(o -> parts.add(o.achieved().type().code() + " refused: " + o.reason()));
        d.waiting().forEach(o -> parts.add(o.achieved().type().code() + " waits: " + o.reason()));
        if (!gone.isEmpty()) {
            parts.add(gone.size() + " no longer pending");
        }
        return String.join("; ", parts);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
