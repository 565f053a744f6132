package org.waymark.programme.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Community confidence surveys: waves of anonymous responses, by area and segment, scored 1 to 5 per question. */
final class SurveyRecords {

    private SurveyRecords() {
    }

    /** Who answered: the public, a named community, students, teachers, health staff. */
    enum Segment { PUBLIC, COMMUNITY, STUDENTS, TEACHERS, HEALTH_STAFF }

    /** The questions' scales; a score of 4 or 5 of 5 is positive. */
    enum Question {
        FAVOURABILITY("favourability"), KNOWLEDGE("knowledge"), CONFIDENCE_TO_REFER("confidence_to_refer");

        final String column;

        Question(String column) {
            this.column = column;
        }
    }

    /** One round of fieldwork, owned by the organisation that ran it (the access rule decides on it). */
    record Wave(UUID id, String name, String organisationCode, LocalDate fieldedOn, String createdBy, Instant createdAt)
            implements ProgrammeRecords.OwnedByOrganisation {
        @Override
        public String recordType() {
            return "SURVEY_WAVE";
        }

        @Override
        public String recordId() {
            return id.toString();
        }
    }

    /** One respondent's answers; a score is null when the question was not answered. */
    record Response(String responseId, String areaCode, Segment segment, String community, Integer favourability, Integer knowledge,
            Integer confidenceToRefer) {

        Integer score(Question q) {
            return switch (q) {
                case FAVOURABILITY -> favourability;
                case KNOWLEDGE -> knowledge;
                case CONFIDENCE_TO_REFER -> confidenceToRefer;
            };
        }

        /** The segment as reported: a community segment by its community's name. */
        String group() {
            return segment == Segment.COMMUNITY && community != null ? "COMMUNITY: " + community : segment.name();
        }
    }
}
