package org.certportal.credentials.internal;

import java.util.Optional;

import org.certportal.credentials.api.DeliveryMethod;

/**
 * Where the first document of an awarded credential goes. A credential achieved at a school is sent to
 * the school, which hands it over; if the school has no valid address it is mailed to the student. One
 * achieved with an examining authority is mailed to the student. When neither works, the credential
 * stays awarded and not ordered, with the reason, for staff to follow up (set an address, then order).
 */
public final class DeliveryRules {
    private DeliveryRules() {
    }

    /**
     * The delivery, or the reason there is none.
     *
     * @param method null when not ordered
     * @param recipient who the envelope names
     * @param reason why not ordered; null when ordered
     */
    public record Delivery(DeliveryMethod method, String recipient, PostalAddress address, String reason) {
        public boolean ordered() {
            return method != null;
        }

        static Delivery to(DeliveryMethod method, String recipient, PostalAddress address) {
            return new Delivery(method, recipient, address, null);
        }

        static Delivery notOrdered(String reason) {
            return new Delivery(null, null, null, reason);
        }
    }

    /**
     * @param studentName the student's name as printed
     * @param studentAddress the student's mailing address, or null when none is known
     */
    public static Delivery decide(IssuingBody body, String studentName, PostalAddress studentAddress) {
        Optional<String> studentProblem = studentAddress == null ? Optional.of("no mailing address")
                : studentAddress.problem();
        if (body.kind() == IssuingBody.Kind.SCHOOL) {
            Optional<String> schoolProblem = body.address() == null ? Optional.of("no address")
                    : body.address().problem();
            if (schoolProblem.isEmpty()) {
                return Delivery.to(DeliveryMethod.SEND_TO_SCHOOL, body.name() + ", for " + studentName,
                        body.address());
            }
            if (studentProblem.isEmpty()) {
                return Delivery.to(DeliveryMethod.MAIL_TO_STUDENT, studentName, studentAddress);
            }
            return Delivery.notOrdered("No valid address: the school " + body.code() + " has "
                    + schoolProblem.get() + " and the student has " + studentProblem.get() + ".");
        }
        if (studentProblem.isEmpty()) {
            return Delivery.to(DeliveryMethod.MAIL_TO_STUDENT, studentName, studentAddress);
        }
        return Delivery.notOrdered("No valid mailing address: the student has " + studentProblem.get() + ".");
    }
}
