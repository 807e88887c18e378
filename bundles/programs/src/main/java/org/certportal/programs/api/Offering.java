package org.certportal.programs.api;

import java.time.LocalDate;

/** A concrete way to meet a requirement: a class on a date, an exam sitting. */
public record Offering(long id, long requirementId, String title, LocalDate date, String location) {
}
