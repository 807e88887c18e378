package org.certportal.tracking.api;

import java.time.Instant;

/** A filter a user saved under a name; only its owner sees it. */
public record SavedFilter(long id, String name, TrackingFilter filter, Instant savedAt) {
}
