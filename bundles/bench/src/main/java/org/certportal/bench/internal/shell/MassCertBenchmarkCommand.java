package org.certportal.bench.internal.shell;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.accounting.api.AccountingService;
import org.certportal.accounting.api.Batch;
import org.certportal.bench.internal.MassCertBenchmark;
import org.certportal.completions.api.CompletionService;
import org.certportal.completions.api.ImportMode;
import org.certportal.completions.api.ImportReport;
import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactDraft;
import org.certportal.contacts.api.ContactService;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.RunOptions;
import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramDraft;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.RequirementDraft;
import org.certportal.programs.api.RequirementKind;

// Raw-JDBC yardstick of: completion, accounting_order, mail_outbox (which rows the run wrote, for the raw
// batches to write again)

@Command(scope = "certportal", name = "masscert-benchmark", description = "Measures a mass certification run",
        detailedDescription = "Creates two certifications with one exam that staff approve, one free and one with a"
                + " fee of 100.00 USD, --applicants contacts (with addresses) enrolled half in each, their passed"
                + " exams awaiting approval (imported from CSV), and an accounting batch; runs mass certification of"
                + " both at once with confirmation emails (free: approved and Active; fee: approved, Awaiting payment"
                + " and an order each) and times it from the start until both runs have finished; then writes the same"
                + " rows (completions approved, enrollments moved, orders and outbox rows) by raw JDBC batches into"
                + " scratch copies of the tables and prints both. PostgreSQL only; adds everything for good: run it on"
                + " a scratch database. With --prepare-only it creates the cohort, prints the codes and the batch and"
                + " runs nothing.")
@Service
public class MassCertBenchmarkCommand implements Action {
    @Reference
    ProgramService programs;

    @Reference
    ContactService contacts;

    @Reference
    EnrollmentService enrollments;

    @Reference
    CompletionService completions;

    @Reference
    AccountingService accounting;

    @Reference
    ProcessService processes;

    @Reference(filter = "(osgi.jndi.service.name=certportal)")
    DataSource dataSource;

    @Option(name = "--applicants", description = "applicants, half free and half with a fee (default 50000)")
    int applicants = 50_000;

    @Option(name = "--prepare-only", description = "create the cohort and print its codes and batch; run nothing")
    boolean prepareOnly;

    @Override
    public Object execute() throws Exception {
        if (applicants < 2 || applicants > 200_000) {
            throw new IllegalArgumentException("--applicants must lie between 2 and 200000.");
        }
        long seed = System.currentTimeMillis();
        long setupStarted = System.nanoTime();
        Program free = program("MCFREE-" + seed, BigDecimal.ZERO);
        Program fee = program("MCFEE-" + seed, new BigDecimal("100.00"));
        cohort(free, seed, 0, applicants / 2);
        cohort(fee, seed, applicants / 2, applicants - applicants / 2);
        Batch batch = accounting.createBatch("Mass certification benchmark " + seed);
        System.out.printf("prepared: free=%s fee=%s batch=%d free-id=%d fee-id=%d (%,d applicants in %.1f s)%n",
                free.code(), fee.code(), batch.id(), free.id(), fee.id(), applicants,
                (System.nanoTime() - setupStarted) / 1e9);
        if (prepareOnly) {
            return null;
        }
        long outboxBefore = maxId("mail_outbox");
        long started = System.nanoTime();
        long freeRun = processes.start("masscert", Map.of("program", free.code(), "send-email", "yes"),
                RunOptions.run());
        long feeRun = processes.start("masscert", Map.of("program", fee.code(), "send-email", "yes", "batch",
                String.valueOf(batch.id())), RunOptions.run());
        ProcessRun a = finished(freeRun);
        ProcessRun b = finished(feeRun);
        double seconds = (System.nanoTime() - started) / 1e9;
        MassCertBenchmark.Written written = new MassCertBenchmark.Written(
                ids("SELECT id FROM completion WHERE program_id IN (?, ?) AND status = 'COMPLETE'", free.id(), fee.id()),
                ids("SELECT id FROM enrollment_summary WHERE program_id IN (?, ?)", free.id(), fee.id()),
                ids("SELECT id FROM accounting_order WHERE batch_id = ?", batch.id()),
                ids("SELECT id FROM mail_outbox WHERE id > ?", outboxBefore));
        double raw = MassCertBenchmark.rawSeconds(dataSource, written);
        System.out.printf("mass certification of %,d applicants (free: %,d done, %,d skipped; fee: %,d done, %,d"
                + " skipped): %.1f s, %,.0f applicants/s%n", applicants, a.done(), a.skipped(), b.done(), b.skipped(),
                seconds, applicants / seconds);
        System.out.printf("raw JDBC batch of the same %,d rows (%,d completions, %,d enrollments, %,d orders, %,d"
                + " outbox): %.1f s; ratio %.2f%n", written.rows(), written.completionIds().size(),
                written.enrollmentIds().size(), written.orderIds().size(), written.outboxIds().size(), raw,
                seconds / raw);
        return null;
    }

    private Program program(String code, BigDecimal fee) {
        Program p = programs.create(new ProgramDraft(code, "Mass certification benchmark " + code,
                "Created by certportal:masscert-benchmark", ProgramOptions.defaults().withFee(fee, "USD")));
        programs.addRequirement(p.id(), new RequirementDraft("Board exam", RequirementKind.EXAM, GradeType.PASS_FAIL,
                null, true, null));
        programs.changeStatus(p.id(), programs.find(p.id()).orElseThrow().version(), ProgramStatus.ACTIVE);
        return programs.find(p.id()).orElseThrow();
    }

    /** {@code count} contacts enrolled in the program, each with a passed exam awaiting approval. */
    private void cohort(Program program, long seed, int from, int count) {
        LocalDate today = enrollments.today();
        String prefix = "MC" + seed + "-";
        for (int start = from; start < from + count; start += 10_000) {
            List<ContactDraft> drafts = new ArrayList<>();
            for (int i = start; i < Math.min(from + count, start + 10_000); i++) {
                drafts.add(new ContactDraft("Bench", "Applicant " + i, "applicant" + i + "." + seed + "@example.org",
                        null, prefix + i));
            }
            contacts.createAll(drafts);
            List<Long> ids = contacts.findByExternalIds(drafts.stream().map(ContactDraft::externalId).toList())
                    .values().stream().map(Contact::id).toList();
            enrollments.enroll(program.id(), ids, today.minusDays(30));
            StringBuilder csv = new StringBuilder("contact,program,requirement,date,grade\n");
            for (ContactDraft d : drafts) {
                csv.append(d.externalId()).append(',').append(program.code()).append(",1,").append(today.minusDays(1))
                        .append(",pass\n");
            }
            ImportReport report = completions.importCsv(new StringReader(csv.toString()), ImportMode.ALL_OR_NOTHING);
            if (!report.errors().isEmpty()) {
                throw new IllegalStateException("The exams were refused: " + report.errors().get(0));
            }
        }
    }

    private ProcessRun finished(long runId) throws InterruptedException {
        while (true) {
            ProcessRun r = processes.run(runId).orElseThrow();
            if (r.state().isFinal()) {
                if (r.error() != null) {
                    System.out.println("run " + runId + " " + r.state() + ": " + r.error());
                }
                return r;
            }
            Thread.sleep(200);
        }
    }

    private long maxId(String table) throws SQLException {
        List<Long> max = ids("SELECT COALESCE(MAX(id), 0) FROM " + table);
        return max.get(0);
    }

    private List<Long> ids(String sql, Object... values) throws SQLException {
        List<Long> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
        }
        return found;
    }
}
