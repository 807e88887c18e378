package org.certportal.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Optional;

import org.certportal.credentials.api.DeliveryMethod;
import org.certportal.credentials.internal.DeliveryRules.Delivery;
import org.junit.jupiter.api.Test;

class DeliveryRulesTest {
    static final PostalAddress SCHOOL_ADDRESS = new PostalAddress("1 School Rd", null, "Ottawa", "ON", "K1A 0B1", "CA");
    static final PostalAddress HOME = new PostalAddress("5 Elm St", "Apt 2", "Toronto", "ON", "m5v 2t6", "ca");
    static final IssuingBody SCHOOL = new IssuingBody(1, "S001", "Lincoln High", IssuingBody.Kind.SCHOOL,
            SCHOOL_ADDRESS);
    static final IssuingBody AUTHORITY = new IssuingBody(2, "GED", "Testing Authority", IssuingBody.Kind.AUTHORITY,
            SCHOOL_ADDRESS);

    @Test
    void aSchoolsStudentsDocumentsGoToTheSchool() {
        Delivery d = DeliveryRules.decide(SCHOOL, "Ada Lovelace", HOME);
        assertEquals(DeliveryMethod.SEND_TO_SCHOOL, d.method());
        assertEquals("Lincoln High, for Ada Lovelace", d.recipient());
        assertEquals(SCHOOL_ADDRESS, d.address());
    }

    @Test
    void aSchoolWithoutAValidAddressFallsBackToTheStudentsAddress() {
        IssuingBody noAddress = new IssuingBody(1, "S001", "Lincoln High", IssuingBody.Kind.SCHOOL,
                new PostalAddress("1 School Rd", null, null, null, null, "CA"));
        Delivery d = DeliveryRules.decide(noAddress, "Ada Lovelace", HOME);
        assertEquals(DeliveryMethod.MAIL_TO_STUDENT, d.method());
        assertEquals("M5V 2T6", d.address().postalCode(), "postal codes are kept in upper case");
    }

    @Test
    void anAuthoritysDocumentsAreMailedToTheStudent() {
        Delivery d = DeliveryRules.decide(AUTHORITY, "Ada Lovelace", HOME);
        assertEquals(DeliveryMethod.MAIL_TO_STUDENT, d.method());
        assertEquals("Ada Lovelace", d.recipient());
    }

    @Test
    void withoutAnyValidAddressItIsAwardedNotOrderedWithTheReason() {
        Delivery d = DeliveryRules.decide(AUTHORITY, "Ada Lovelace", null);
        assertFalse(d.ordered());
        assertNull(d.method());
        assertEquals("No valid mailing address: the student has no mailing address.", d.reason());

        IssuingBody noAddress = new IssuingBody(1, "S001", "Lincoln High", IssuingBody.Kind.SCHOOL, null);
        Delivery s = DeliveryRules.decide(noAddress, "Ada", new PostalAddress("5 Elm", null, "Toronto", null,
                "12345", "CA"));
        assertEquals("No valid address: the school S001 has no address and the student has the postal code '12345'"
                + " is no Canadian postal code (A1A 1A1).", s.reason());
    }

    @Test
    void anAddressNamesWhatItLacks() {
        assertEquals(Optional.of("no street, city, postal code"), new PostalAddress(" ", null, "", null, null, "CA")
                .problem());
        assertEquals(Optional.of("the country 'CAN' is no two-letter ISO code"),
                new PostalAddress("1 Rd", null, "Town", null, "X", "CAN").problem());
        assertEquals(Optional.empty(), new PostalAddress("1 Rd", null, "Town", null, "12345-6789", "US").problem());
        assertEquals(Optional.empty(), new PostalAddress("1 Rd", null, "Paris", null, "75001", "FR").problem());
    }
}
