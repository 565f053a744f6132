package org.waymark.screening.internal;

import org.waymark.screening.internal.ScreeningEnums.Approval;
import org.waymark.screening.internal.ScreeningEnums.CheckResult;
import org.waymark.screening.internal.ScreeningEnums.ConcernType;
import org.waymark.screening.internal.ScreeningEnums.NoFurtherActionReason;
import org.waymark.screening.internal.ScreeningEnums.Outcome;
import org.waymark.screening.internal.ScreeningEnums.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.waymark.access.ProtectedRecord;

/** Screening's rows as the case page and the API show them. */
final class ScreeningRecords {

    private ScreeningRecords() {
    }

    record Check(UUID id, String system, CheckResult result, String note, String checkedBy, Instant checkedAt) {
    }

    record Decision(UUID id, Outcome outcome, NoFurtherActionReason reason, Service signpostedTo, ConcernType concernType, String rationale,
            String decidedBy, Instant decidedAt, boolean needsApproval, Approval approval, String approvalComment, String approvedBy,
            Instant approvedAt) {

        /** A closure waiting for a supervisor's approval. */
        boolean pending() {
            return needsApproval && approval == null;
        }
    }

    /** A subject of a live investigation. Police only. */
    record Subject(UUID id, String forceArea, String forename, String surname, LocalDate dateOfBirth, String operation, String addedBy,
            Instant addedAt, String removedBy, Instant removedAt) implements ProtectedRecord {
        @Override
        public String recordType() {
            return "DECONFLICTION_SUBJECT";
        }

        @Override
        public String recordId() {
            return id.toString();
        }
    }

    record Match(UUID subjectId, String operation, Instant matchedAt, String clearedBy, Instant clearedAt, String clearedReason) {
    }

    /** What screening shows on the case page; {@code actions}: what the reader may do now (check, decide, approve, clear, request). */
    record Section(java.util.List<Check> checks, java.util.List<org.waymark.requests.InformationRequest> informationRequests, java.util.List<Decision> decisions,
            java.util.List<Match> deconflictionMatches, java.util.List<String> actions) {
        public boolean can(String action) {
            return actions.contains(action);
        }
    }
}
