package org.certportal.audit.internal.ui;

import java.util.List;

import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.AuditPermissions;
import org.certportal.audit.api.AuditSubjects;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.OrganisationFormats;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

@Component(service = ViewContribution.class)
public class AuditContribution extends BasicViewContribution {
    private final AuditLog audit;
    private final OrganisationFormats formats;
    /** The areas naming their entries' subjects; they come and go with their bundles. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<AuditSubjects> subjects = List.of();

    @Activate
    public AuditContribution(@Reference AuditLog audit, @Reference OrganisationFormats formats) {
        super("audit", "Audit log", AuditPermissions.READ, AuditView.class, "Administration", 900, "vaadin:records");
        this.audit = audit;
        this.formats = formats;
    }

    @Override
    public AuditView createView() {
        return new AuditView(audit, formats.dates(), () -> subjects);
    }
}
