package org.certportal.completions.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.certportal.completions.api.CompletionDraft;
import org.certportal.completions.api.CompletionService;
import org.certportal.completions.api.CompletionStatus;
import org.certportal.completions.api.CompletionStep;
import org.certportal.completions.api.EnrolleeProgress;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.persistence.api.DataSources;
import org.certportal.persistence.api.DemoData;
import org.certportal.programs.api.Requirement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Demo completions of existing demo enrollments in progress, through the service (so grading,
 * order, approval and earning apply): the next recordable requirement of enrollments picked from the
 * seed, with a passing grade; requirements needing approval stay Awaiting Approval.
 */
@Component
public class CompletionsDemoData implements DemoData {
    private final CompletionService completions;
    private final DataSource dataSource;

    @Activate
    public CompletionsDemoData(@Reference CompletionService completions,
            @Reference(target = DataSources.TARGET) DataSource dataSource) {
        this.completions = completions;
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "completions";
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public String unit() {
        return "completions";
    }

    @Override
    public int smallCount() {
        return 100;
    }

    @Override
    public String generate(int count, long seed) {
        List<Long> open = enrollmentsInProgress();
        if (open.isEmpty()) {
            return "No demo completions: they need enrollments in progress (load enrollments first)";
        }
        Random random = new Random(seed);
        LocalDate today = completions.today();
        int recorded = 0;
        int complete = 0;
        int awaiting = 0;
        // a few passes over the enrollments: each pass records the next requirement of those picked
        for (int attempts = 0; recorded < count && attempts < count * 4; attempts++) {
            long enrollmentId = open.get(random.nextInt(open.size()));
            EnrolleeProgress progress = completions.progress(enrollmentId);
            CompletionStep step = progress.steps().stream().filter(s -> s.recordable()
                    && s.status() == CompletionStatus.NO_STATUS).findFirst().orElse(null);
            if (step == null) {
                continue;
            }
            Requirement r = step.requirement();
            LocalDate enrolled = progress.enrollment().enrolledOn();
            long days = Math.max(0, ChronoUnit.DAYS.between(enrolled, today));
            LocalDate date = enrolled.plusDays(days == 0 ? 0 : random.nextLong(days + 1));
            CompletionStatus status = completions.record(enrollmentId, null, new CompletionDraft(r.id(),
                    r.offerings().isEmpty() ? null : r.offerings().get(0).id(), date, "Demo completion",
                    grade(r, random), null)).status();
            recorded++;
            if (status == CompletionStatus.COMPLETE) {
                complete++;
            } else if (status == CompletionStatus.AWAITING_APPROVAL) {
                awaiting++;
            }
        }
        return String.format("Recorded %,d demo completions: %,d complete, %,d awaiting approval", recorded, complete,
                awaiting);
    }

    private static String grade(Requirement r, Random random) {
        return switch (r.gradeType()) {
            case NONE -> null;
            case PASS_FAIL -> "pass";
            case NUMERIC -> (r.minimumGrade() == null ? BigDecimal.valueOf(50) : r.minimumGrade())
                    .add(BigDecimal.valueOf(random.nextInt(20))).toPlainString();
        };
    }

    private List<Long> enrollmentsInProgress() {
        // ids only, from the enrollments feature's published view: the service lists per program or contact
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM enrollment_summary WHERE status = ?"
                        + " ORDER BY id")) {
            ps.setString(1, CertificationStatus.IN_PROGRESS.name());
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading enrollment ids failed: " + e.getMessage(), e);
        }
    }
}
