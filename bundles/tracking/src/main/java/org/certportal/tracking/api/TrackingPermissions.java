package org.certportal.tracking.api;

/** Permissions the tracking service checks; the roles holding each are in its permission provider. */
public final class TrackingPermissions {
    /** See the tracking list, its counts and one enrollment's status; keep one's own saved filters (Staff). */
    public static final String READ = "tracking.read";
    /** Export the filtered list to CSV (Staff). */
    public static final String EXPORT = "tracking.export";
    /** Set Declined, Inactive, Not completed or Cancelled by hand, with a reason (Certification Admin). */
    public static final String SET_STATUS = "tracking.set-status";
    /** Resolve Admin Review: approve (Active) or reject (Not completed) (Certification Manager). */
    public static final String REVIEW = "tracking.review";
    /** Run, preview and schedule the daily expiry (Certification Admin). */
    public static final String EXPIRE = "tracking.expire";
    /** Configure the expiry reminders and their templates, test-send them (Certification Manager). */
    public static final String MANAGE_REMINDERS = "tracking.manage-reminders";
    /** Run, preview and schedule mass drops; see what a run changed and revert it (Certification Manager). */
    public static final String MASS_DROP = "tracking.mass-drop";

    private TrackingPermissions() {
    }
}
