package org.certportal.accounting.api;

import java.time.Instant;

/**
 * A named group of orders, e.g. one mass-certification run's fees.
 *
 * @param name unique, any case
 * @param createdBy the user name of who created it
 */
public record Batch(long id, String name, BatchStatus status, String createdBy, Instant createdAt) {
}
