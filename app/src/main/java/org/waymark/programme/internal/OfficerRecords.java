package org.waymark.programme.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The officer network: officers, their deployments, established posts, and recruitment campaigns. */
final class OfficerRecords {

    private OfficerRecords() {
    }

    /** Prevent engagement officers, counter-terrorism intelligence officers, and the coordinators who lead them. */
    enum OfficerKind { PREVENT_ENGAGEMENT_OFFICER, INTELLIGENCE_OFFICER, COORDINATOR }

    /** An officer, employed by an organisation whose programme managers keep their record (the access rule decides on it). */
    record Officer(UUID id, String name, OfficerKind kind, String organisationCode, String email, String createdBy, Instant createdAt)
            implements ProgrammeRecords.OwnedByOrganisation {
        @Override
        public String recordType() {
            return "PROGRAMME_OFFICER";
        }

        @Override
        public String recordId() {
            return id.toString();
        }
    }

    /** An officer covering an area from one day to another (none: still there), under whom. */
    record Deployment(UUID id, UUID officerId, String areaCode, LocalDate startsOn, LocalDate endsOn, String localCommander, String ctLineManager) {

        boolean covers(LocalDate day) {
            return !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
        }
    }

    record Post(String organisationCode, String areaCode, OfficerKind kind, int established) {
    }

    /** A recruitment campaign for posts of a kind in an area; its applicants are counts, never people. */
    record Campaign(UUID id, String organisationCode, String areaCode, OfficerKind kind, String title, LocalDate openedOn, LocalDate closedOn,
            int applicants, int appointed) implements ProgrammeRecords.OwnedByOrganisation {
        @Override
        public String recordType() {
            return "PROGRAMME_CAMPAIGN";
        }

        @Override
        public String recordId() {
            return id.toString();
        }
    }
}
