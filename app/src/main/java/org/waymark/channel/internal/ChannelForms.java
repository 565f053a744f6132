package org.waymark.channel.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.waymark.govuk.FormErrors;

/** What Channel's pages and API submit, as typed, before any of it is checked. */
final class ChannelForms {

    private ChannelForms() {
    }

    record AttendeeForm(String organisation, String name, String role) {
    }

    record MeetingForm(String localAuthority, String heldOn, List<AttendeeForm> attendees) {
    }

    record AgreementForm(String organisation, Boolean agreed) {
    }

    /** {@code concernNote}: why the case may exit although a provider's concern is unacknowledged (then it acknowledges them). */
    record DecisionForm(UUID caseId, String decision, String onwardRoute, String discussion, List<AgreementForm> agreements,
            String concernNote) {
        DecisionForm(UUID caseId, String decision, String onwardRoute, String discussion, List<AgreementForm> agreements) {
            this(caseId, decision, onwardRoute, discussion, agreements, null);
        }
    }

    record ConsentForm(String outcome, String givenBy, String consenter, String capacity, String note) {
    }

    record InterventionForm(String type, String provider, String objectives, Integer plannedSessions) {
    }

    record SessionForm(String heldOn, String status, String notes, String concern) {
    }

    /** {@code earlyReason}: why a post-exit review is recorded before it is due (otherwise refused). */
    record ReviewForm(String outcome, String notes, String nextReviewDue, String earlyReason) {
        ReviewForm(String outcome, String notes, String nextReviewDue) {
            this(outcome, notes, nextReviewDue, null);
        }
    }

    record TransferForm(String toLocalAuthority, String reason) {
    }

    /** An ISO date typed into a field, or an error on the field. */
    static LocalDate date(FormErrors errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "channel.date.missing");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(field, "channel.date.invalid");
            return null;
        }
    }

    static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
