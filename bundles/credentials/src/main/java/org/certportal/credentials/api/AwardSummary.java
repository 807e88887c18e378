package org.certportal.credentials.api;

/**
 * The counts of an award run, as the last step of the credentials page shows them.
 *
 * @param awardedAndOrdered credentials awarded whose document was ordered
 * @param awardedNotOrdered credentials awarded without an order (the reason is in the successful file)
 * @param notAwarded achieved credentials found but not awarded (superseded, refused, waiting): the lines of
 *        the unsuccessful file
 * @param failedStudents students whose processing failed with an error (outcomes in the Process Center)
 */
public record AwardSummary(long awardedAndOrdered, long awardedNotOrdered, long notAwarded, long failedStudents) {
}
