package org.certportal.credentials.api;

import java.time.Instant;

/**
 * One document ordered for an awarded credential.
 *
 * @param orderReference the order it belongs to, e.g. run-42
 * @param issueNo 0 for the first issue, then 1, 2 ... for reprints
 * @param address the delivery address on one line
 * @param status ORDERED, PRINTED or DELIVERED; CANCELLED when its credential was revoked or reissued before it
 *        was printed
 */
public record DocumentItem(String orderReference, int issueNo, DeliveryMethod deliveryMethod, String recipient,
        String address, String status, Instant statusAt) {
}
