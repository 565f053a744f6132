package org.waymark.programme.internal;

import java.time.LocalDate;
import java.util.UUID;

/** Engagement: events and programmes, and co-commissioned projects with milestones and reports. */
final class EngagementRecords {

    private EngagementRecords() {
    }

    enum EventKind { YOUTH, WOMEN, FAITH, SCHOOLS, COMMUNITY_EXERCISE, OTHER }

    record Event(UUID id, String organisationCode, String areaCode, EventKind kind, String title, LocalDate heldOn, String audience, String partners,
            int attendance, String outcomes) {
    }

    record Project(UUID id, String organisationCode, String areaCode, String title, String provider, String funder, int fundingPounds,
            LocalDate startsOn, LocalDate endsOn) implements ProgrammeRecords.OwnedByOrganisation {
        @Override
        public String recordType() {
            return "PROGRAMME_PROJECT";
        }

        @Override
        public String recordId() {
            return id.toString();
        }
    }

    record Milestone(UUID id, UUID projectId, String title, LocalDate dueOn, LocalDate doneOn) {

        public boolean late(LocalDate today) {
            return doneOn == null && dueOn.isBefore(today);
        }
    }

    record Report(UUID id, UUID projectId, LocalDate reportedOn, int reached, String summary, String createdBy) {
    }
}
