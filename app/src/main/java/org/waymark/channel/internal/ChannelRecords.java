package org.waymark.channel.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.waymark.access.ProtectedRecord;

/** Channel's rows and closed lists, as pages and the API show them. */
final class ChannelRecords {

    private ChannelRecords() {
    }

    enum PanelDecision { ADOPT, NOT_ADOPT, CONTINUE, EXIT }

    enum OnwardRoute { POLICE_LED, CHILDRENS_SOCIAL_CARE, ADULT_SOCIAL_CARE, MENTAL_HEALTH, EDUCATION_SUPPORT, EARLY_HELP, NO_FURTHER_ACTION, OTHER }

    enum ConsentOutcome { GIVEN, REFUSED }

    enum Consenter { SUBJECT, PARENT_OR_CARER }

    enum Capacity { HAS_CAPACITY, LACKS_CAPACITY, NOT_ASSESSED }

    enum InterventionType { IDEOLOGICAL_MENTORING, THEOLOGICAL_MENTORING, EDUCATION_TRAINING_CAREERS, LIFE_SKILLS, MENTAL_HEALTH,
        HOUSING, FAMILY_SUPPORT, DIVERSIONARY_ACTIVITIES, OTHER }

    enum SessionStatus { HELD, MISSED, CANCELLED }

    enum ReviewKind { POST_EXIT, POLICE_LED }

    enum ReviewOutcome { NO_CONCERN, EXTEND, CONCERN, CONTINUE, CLOSE, ESCALATE_TO_CHANNEL, CANCELLED }

    record Attendee(String organisation, String name, String role) {
    }

    record AgendaItem(UUID caseId, String caseReference, String discussion, String decision, String onwardRoute, String decidedBy,
            Instant decidedAt) {
    }

    record Meeting(UUID id, String localAuthority, LocalDate heldOn, String createdBy, Instant createdAt, List<Attendee> attendees,
            List<AgendaItem> agenda) {
    }

    record Consent(UUID id, String outcome, String givenBy, String consenter, String capacity, String note, String recordedBy,
            Instant recordedAt) {
    }

    record Session(UUID id, LocalDate heldOn, String status, String notes, String concern, String recordedBy, Instant recordedAt,
            String acknowledgedBy, Instant acknowledgedAt, String acknowledgement) {

        /** A concern nobody has acknowledged yet: it stays on the coordinator's and chair's home pages. */
        public boolean concernOpen() {
            return concern != null && acknowledgedAt == null;
        }
    }

    /** An intervention as its provider sees it: a provider's only view of a case. */
    record Intervention(UUID id, UUID caseId, String caseReference, String type, String provider, String objectives, int plannedSessions,
            String createdBy, Instant createdAt, Instant endedAt, List<Session> sessions) implements ProtectedRecord {
        @Override
        public String recordType() {
            return "INTERVENTION";
        }

        @Override
        public String recordId() {
            return id.toString();
        }

        public long held() {
            return sessions.stream().filter(s -> s.status().equals("HELD")).count();
        }
    }

    record Review(UUID id, String kind, LocalDate dueOn, String outcome, String notes, String reviewedBy, Instant reviewedAt) {
    }

    record Transfer(String fromAuthority, String toAuthority, String reason, String transferredBy, Instant transferredAt) {
    }

    /** What Channel shows on the case page. */
    /** @param actions what the reader may do now: consent, intervention, review, transfer, policeReview */
    /** {@code nextReviewNotYetDue}: the next post-exit review's date when it is still ahead (recording it then needs a reason). */
    record Section(List<Meeting> meetings, List<Consent> consents, List<Intervention> interventions, List<Review> reviews,
            List<Transfer> transfers, List<String> actions, LocalDate nextReviewNotYetDue) {
        public boolean can(String action) {
            return actions.contains(action);
        }
    }
}
