package org.certportal.programs.api;

/**
 * What saving an edit would do to current enrollees, told to the user before the save.
 *
 * @param changesRules       the edit changes rules (not only names, descriptions, the fee or the maintenance switch)
 * @param createsNewVersion  the current rules have enrollees, so the edit starts version {@code currentVersion + 1}
 * @param enrolleesOnCurrent enrollees who stay judged by the current version
 */
public record RuleChangeImpact(boolean changesRules, boolean createsNewVersion, int currentVersion,
        long enrolleesOnCurrent) {
}
