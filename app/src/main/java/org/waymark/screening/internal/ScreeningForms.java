package org.waymark.screening.internal;

/** What screening's pages and API submit, as typed, before any of it is checked. */
final class ScreeningForms {

    private ScreeningForms() {
    }

    record CheckForm(String system, String result, String note) {
    }

    record DecisionForm(String outcome, String reason, String signpostedTo, String concernType, String rationale) {
    }

    record ApprovalForm(String decision, String comment) {
    }

    record SubjectForm(String forename, String surname, String dateOfBirth, String operation) {
    }

    record ClearanceForm(String reason, Boolean confirmed) {
    }

    static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
