package org.certportal.tracking.internal.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.certportal.tracking.internal.ReminderPlans;

/**
 * What the rows of one run read once instead of once per row: the reminder plans as the run found them
 * and each program version's grace days (rule versions are frozen). A row of another run starts afresh.
 */
final class RunMemo {
    private long runId = -1;
    private ReminderPlans.All plans;
    private Map<String, Integer> graceDays = new ConcurrentHashMap<>();

    /** The grace days by "program/rule version", for this run. */
    synchronized Map<String, Integer> graceDays(long runId) {
        switchTo(runId);
        return graceDays;
    }

    /** The reminder plans, read on the run's connection the first time a row of this run asks. */
    synchronized ReminderPlans.All plans(long runId, Connection c) throws SQLException {
        switchTo(runId);
        if (plans == null) {
            plans = ReminderPlans.all(c);
        }
        return plans;
    }

    private void switchTo(long runId) {
        if (runId != this.runId) {
            this.runId = runId;
            plans = null;
            graceDays = new ConcurrentHashMap<>();
        }
    }
}
