package org.certportal.programs.api;

import java.time.LocalDate;

public record OfferingDraft(String title, LocalDate date, String location) {
}
