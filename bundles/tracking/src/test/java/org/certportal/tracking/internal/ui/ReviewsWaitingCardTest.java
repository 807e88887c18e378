package org.certportal.tracking.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.tracking.api.TrackingFilter;
import org.certportal.tracking.api.TrackingService;
import org.junit.jupiter.api.Test;

class ReviewsWaitingCardTest {
    @Test
    void countsTheAdminReviewsInOneSmallQuery() {
        List<Object[]> calls = new ArrayList<>();
        TrackingService tracking = (TrackingService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { TrackingService.class }, (proxy, method, args) -> {
                    calls.add(args);
                    return new Page<>(List.of(), 7);
                });
        assertEquals(7, new ReviewsWaitingCard(tracking).value());
        assertEquals(1, calls.size());
        assertEquals(TrackingFilter.ALL.withStatuses(Set.of(CertificationStatus.ADMIN_REVIEW)), calls.get(0)[0]);
        assertEquals(PageRequest.first(1), calls.get(0)[1]);
    }
}
