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

    record AgendaItem(UUID caseId, String caseReference, String discussion, PanelDecision decision, OnwardRoute onwardRoute, String decidedBy,
            Instant decidedAt) {
        AgendaItem withReference(String reference) {
            return new AgendaItem(caseId, reference, discussion, decision, onwardRoute, decidedBy, decidedAt);
        }
    }

    record Meeting(UUID id, String localAuthority, LocalDate heldOn, String createdBy, Instant createdAt, List<Attendee> attendees,
            List<AgendaItem> agenda) {

        java.util.Optional<AgendaItem> item(UUID caseId) {
            return agenda.stream().filter(a -> a.caseId().equals(caseId)).findFirst();
        }

        boolean attendedBy(String organisation) {
            return attendees.stream().anyMatch(a -> a.organisation().equals(organisation));
        }

        /** The organisations at the table, each once, in the order the meeting lists them. */
        List<String> organisations() {
            return attendees.stream().map(Attendee::organisation).distinct().toList();
        }

        /** The meeting as one case's page shows it: only that case's agenda item. */
        Meeting forCase(UUID caseId) {
            return new Meeting(id, localAuthority, heldOn, createdBy, createdAt, attendees, item(caseId).stream().toList());
        }
    }

    record Consent(UUID id, ConsentOutcome outcome, Consenter givenBy, String consenter, Capacity capacity, String note, String recordedBy,
            Instant recordedAt) {
    }

    record Session(UUID id, LocalDate heldOn, SessionStatus status, String notes, String concern, String recordedBy, Instant recordedAt,
            String acknowledgedBy, Instant acknowledgedAt, String acknowledgement) {

        /** A concern nobody has acknowledged yet: it stays on the coordinator's and chair's home pages. */
        public boolean concernOpen() {
            return concern != null && acknowledgedAt == null;
        }

        /** What a panel member sees of a session: that it happened, not what the provider wrote. */
        Session attendanceOnly() {
            return new Session(id, heldOn, status, null, null, recordedBy, recordedAt, null, null, null);
        }
    }

    /** An intervention as its provider sees it: a provider's only view of a case. */
    record Intervention(UUID id, UUID caseId, String caseReference, InterventionType type, String provider, String objectives, int plannedSessions,
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
            return sessions.stream().filter(s -> s.status() == SessionStatus.HELD).count();
        }

        Intervention withReference(String reference) {
            return new Intervention(id, caseId, reference, type, provider, objectives, plannedSessions, createdBy, createdAt, endedAt, sessions);
        }

        /** The plan and attendance without the providers' session notes: what panel members see. */
        Intervention attendanceOnly() {
            return new Intervention(id, caseId, caseReference, type, provider, objectives, plannedSessions, createdBy, createdAt, endedAt,
                    sessions.stream().map(Session::attendanceOnly).toList());
        }
    }

    record Review(UUID id, ReviewKind kind, LocalDate dueOn, ReviewOutcome outcome, String notes, String reviewedBy, Instant reviewedAt) {
        boolean open() {
            return reviewedAt == null;
        }
    }

    record Transfer(String fromAuthority, String toAuthority, String reason, String transferredBy, Instant transferredAt) {
    }

    /**
     * What Channel shows on the case page. {@code actions}: what the reader may do now (consent, intervention, review,
     * transfer, policeReview, acknowledge); {@code nextReviewNotYetDue}: the next post-exit review's date when it is still
     * ahead (recording it then needs a reason).
     */
    record Section(List<Meeting> meetings, List<Consent> consents, List<Intervention> interventions, List<Review> reviews,
            List<Transfer> transfers, List<String> actions, LocalDate nextReviewNotYetDue) {
        public boolean can(String action) {
            return actions.contains(action);
        }
    }
}
