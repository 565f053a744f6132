package org.waymark.programme.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.waymark.access.ProtectedRecord;

/** What the programme keeps about its boards: plain values, each kind of record as the store reads it. */
final class ProgrammeRecords {

    private ProgrammeRecords() {
    }

    /** The kinds of board the brief and the Prevent duty toolkit name. */
    enum BoardKind { CONTEST, PREVENT, OVERSIGHT, PARTNERSHIP_GROUP }

    enum Attendance { PRESENT, APOLOGIES, ABSENT }

    enum ActionStatus {
        OPEN, IN_PROGRESS, DONE, CANCELLED;

        boolean closed() {
            return this == DONE || this == CANCELLED;
        }
    }

    /** Red, amber, green: the owner's own view of how the action is going. */
    enum Rag { RED, AMBER, GREEN }

    /** A record run by one organisation: a board, a training register ({@link ProgrammeAccessRule} decides on it). */
    interface OwnedByOrganisation extends ProtectedRecord {
        String organisationCode();
    }

    /** A board, the record access is decided on: its members and actions are reached through it. */
    record Board(UUID id, String name, BoardKind kind, String organisationCode, int quorum, String createdBy, Instant createdAt)
            implements OwnedByOrganisation {
        @Override
        public String recordType() {
            return "PROGRAMME_BOARD";
        }

        @Override
        public String recordId() {
            return id.toString();
        }
    }

    record Member(UUID id, UUID boardId, String name, String organisation, String roleTitle, boolean communityMember, String email,
            LocalDate joinedOn, LocalDate leftOn) {
        boolean serving(LocalDate on) {
            return !joinedOn.isAfter(on) && (leftOn == null || leftOn.isAfter(on));
        }
    }

    enum MinutesStatus { NONE, DRAFT, APPROVED }

    /** What an agenda item is for. */
    enum Purpose { INFORMATION, DISCUSSION, DECISION }

    record Meeting(UUID id, UUID boardId, LocalDate heldOn, String location, String createdBy, Instant createdAt, String minutes,
            MinutesStatus minutesStatus, UUID minutesApprovedAt) {
    }

    record AgendaItem(UUID id, UUID meetingId, int position, String title, String presenter, String paper, Purpose purpose, String decision) {
    }

    /** A member's attendance at a meeting, with the declaration of interest they made, if any. */
    record Mark(UUID memberId, Attendance attendance, String declaration) {
    }

    record Action(UUID id, String number, UUID boardId, UUID meetingId, UUID agendaItemId, String title, String ownerName, String ownerOrganisation,
            String ownerEmail, LocalDate dueOn, ActionStatus status, Rag rag, String createdBy, Instant createdAt, LocalDate closedOn) {

        /** Past its due date and not closed. */
        public boolean overdue(LocalDate today) {
            return !status.closed() && dueOn.isBefore(today);
        }
    }

    record ActionUpdate(UUID id, UUID actionId, String note, ActionStatus status, Rag rag, String updatedBy, Instant updatedAt) {
    }

    /** What an import (or a single entry) did: lines added, and lines already there and so not added again. */
    record Imported(int added, int alreadyRecorded) implements java.io.Serializable {
    }
}
