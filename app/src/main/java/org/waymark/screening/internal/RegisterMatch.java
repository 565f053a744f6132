package org.waymark.screening.internal;

import java.time.LocalDate;
import java.util.Locale;

import org.waymark.screening.internal.ScreeningRecords.Subject;

/** The register's rule: same surname, alike forenames, and dates of birth that do not differ (either may be unknown). */
final class RegisterMatch {

    private RegisterMatch() {
    }

    static boolean matches(Subject subject, String forename, String surname, LocalDate dateOfBirth) {
        return subject.surname().toLowerCase(Locale.ROOT).strip().equals(surname.toLowerCase(Locale.ROOT).strip())
                && ForenameLikeness.alike(subject.forename(), forename)
                && (subject.dateOfBirth() == null || dateOfBirth == null || subject.dateOfBirth().equals(dateOfBirth));
    }
}
