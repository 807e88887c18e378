package org.certportal.tracking.internal.ui;

import java.util.Set;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.persistence.api.PageRequest;
import org.certportal.tracking.api.TrackingFilter;
import org.certportal.tracking.api.TrackingPermissions;
import org.certportal.tracking.api.TrackingService;
import org.certportal.ui.spi.BasicHomeCard;
import org.certportal.ui.spi.HomeCard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** For those who conclude them: how many certifications wait in Admin Review, a link to Tracking. */
@Component(service = HomeCard.class)
public class ReviewsWaitingCard extends BasicHomeCard {
    private static final TrackingFilter IN_REVIEW = TrackingFilter.ALL.withStatuses(Set.of(
            CertificationStatus.ADMIN_REVIEW));
    private final TrackingService tracking;

    @Activate
    public ReviewsWaitingCard(@Reference TrackingService tracking) {
        super("reviews-waiting", "Reviews waiting", "Certifications in admin review: filter Tracking by Admin review",
                TrackingPermissions.REVIEW, TrackingContribution.ROUTE, 215);
        this.tracking = tracking;
    }

    @Override
    public long value() {
        // one row and the count, by the status index
        return tracking.list(IN_REVIEW, PageRequest.first(1)).total();
    }
}
