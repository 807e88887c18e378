package org.certportal.enrollments.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.certportal.enrollments.api.ApplicationService;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.persistence.api.DataSources;
import org.certportal.persistence.api.DemoData;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.ProgramSummary;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Demo enrollments of existing contacts in existing Active programs, through the service's bulk
 * paths, planned by {@link DemoEnrollments} from the seed; then a handful of applications to each
 * program that has a related application ({@link DemoApplications}).
 */
@Component
public class EnrollmentsDemoData implements DemoData {
    private final EnrollmentService enrollments;
    private final ProgramService programs;
    private final DataSource dataSource;
    private final ApplicationService applications;

    @Activate
    public EnrollmentsDemoData(@Reference EnrollmentService enrollments, @Reference ProgramService programs,
            @Reference(target = DataSources.TARGET) DataSource dataSource, @Reference ApplicationService applications) {
        this.enrollments = enrollments;
        this.applications = applications;
        this.programs = programs;
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "enrollments";
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public String unit() {
        return "enrollments";
    }

    @Override
    public int smallCount() {
        return 50;
    }

    @Override
    public String generate(int count, long seed) {
        List<Long> programIds = activePrograms();
        long[] contactIds = contactIds();
        if (programIds.isEmpty() || contactIds.length == 0) {
            return "No demo enrollments: they need Active programs and contacts (load programs and contacts first)";
        }
        DemoEnrollments.Totals totals = new DemoEnrollments(enrollments, seed).generate(count, programIds, contactIds);
        List<Long> applying = programIds.stream().filter(id -> programs.find(id)
                .map(p -> p.options().applicationRequired()).orElse(false)).toList();
        int applied = DemoApplications.generate(applications, enrollments.today(), applying, contactIds, seed);
        return String.format("Enrolled %,d demo enrollments in %d programs (%,d refused as already enrolled),"
                + " %,d marked earned, %,d cancelled; %,d applications to %d programs", totals.enrolled(),
                programIds.size(), totals.refused(), totals.earned(), totals.cancelled(), applied, applying.size());
    }

    private List<Long> activePrograms() {
        List<Long> ids = new ArrayList<>();
        for (int offset = 0;; offset += PageRequest.MAX_LIMIT) {
            Page<ProgramSummary> page = programs.search(null, ProgramStatus.ACTIVE,
                    new PageRequest(offset, PageRequest.MAX_LIMIT, ProgramService.SORT_CODE, true));
            page.items().forEach(p -> ids.add(p.id()));
            if (page.items().size() < PageRequest.MAX_LIMIT) {
                return ids;
            }
        }
    }

    /**
     * Every contact id, from the contacts feature's published view (ids only: 200,000 are 1.6 MB; the
     * service pages by name, which would cost a sort per page).
     */
    private long[] contactIds() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM contact_summary ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids.stream().mapToLong(Long::longValue).toArray();
        } catch (SQLException e) {
            throw new IllegalStateException("Reading contact ids failed: " + e.getMessage(), e);
        }
    }
}
