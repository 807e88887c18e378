package org.certportal.masscert.api;

import java.util.List;

/**
 * One wording of the confirmation email mass certification sends, as staff edit it. {@code {name}}-style
 * placeholders are filled per applicant: see {@link Wording#placeholders()}.
 */
public record ConfirmationEmail(Wording wording, String subject, String body) {

    public enum Wording {
        /** A free certification, or a fee paid: the applicant is certified. */
        CERTIFIED("Certified", List.of("name", "program", "earned", "expires")),
        /** A certification with a fee: the order to pay. */
        ORDERED("Order to pay", List.of("name", "program", "amount", "currency", "order"));

        private final String title;
        private final List<String> placeholders;

        Wording(String title, List<String> placeholders) {
            this.title = title;
            this.placeholders = placeholders;
        }

        public String title() {
            return title;
        }

        /** The placeholders this wording fills, without braces. */
        public List<String> placeholders() {
            return placeholders;
        }
    }
}
