package org.certportal.tracking.internal.ui;

import org.certportal.programs.api.ProgramService;
import org.certportal.security.api.SecurityService;
import org.certportal.tracking.api.TrackingPermissions;
import org.certportal.tracking.api.ReminderService;
import org.certportal.tracking.api.TrackingService;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.OrganisationFormats;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Tracking page, with the services it calls. */
@Component(service = ViewContribution.class)
public class TrackingContribution extends BasicViewContribution {
    static final String ROUTE = "tracking";
    private final TrackingService tracking;
    private final ProgramService programs;
    private final SecurityService security;
    private final ReminderService reminders;
    private final OrganisationFormats formats;

    @Activate
    public TrackingContribution(@Reference TrackingService tracking, @Reference ProgramService programs,
            @Reference SecurityService security, @Reference ReminderService reminders,
            @Reference OrganisationFormats formats) {
        super(ROUTE, "Tracking", TrackingPermissions.READ, TrackingView.class, "Certification", 205,
                "vaadin:calendar-clock");
        this.tracking = tracking;
        this.programs = programs;
        this.security = security;
        this.reminders = reminders;
        this.formats = formats;
    }

    @Override
    public TrackingView createView() {
        return new TrackingView(tracking, programs, security, reminders, formats.dates());
    }
}
