package org.waymark.programme.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the programme keeps about training: courses, completions, and each organisation's eligible staff. */
final class TrainingRecords {

    private TrainingRecords() {
    }

    /** The Home Office's courses (awareness, referrals, Channel), refreshers, WRAP, and an organisation's own. */
    enum CourseKind { HOME_OFFICE_AWARENESS, HOME_OFFICE_REFERRALS, HOME_OFFICE_CHANNEL, REFRESHER, WRAP, LOCAL }

    enum Delivery { E_LEARNING, CLASSROOM, VIRTUAL_CLASSROOM, BLENDED }

    /** What shows the course was done: a certificate, the e-learning's reference number, or a signed attendance register. */
    enum Evidence { CERTIFICATE, ELEARNING_REFERENCE, REGISTER }

    record Course(UUID id, String name, CourseKind kind, Delivery delivery, int validMonths, boolean countsForCompliance) {
    }

    record Completion(UUID id, UUID courseId, String courseName, String organisationCode, String personKey, String personName,
            String email, String staffNumber, String roleTitle, LocalDate completedOn, LocalDate expiresOn, Evidence evidence,
            String evidenceReference, String recordedBy, Instant recordedAt) {

        /** In date on that day: done by then, not yet expired. */
        boolean current(LocalDate on) {
            return !completedOn.isAfter(on) && expiresOn.isAfter(on);
        }
    }

    /** An organisation's training register: the record access is decided on (its completions name people). */
    record Register(String organisationCode) implements ProgrammeRecords.OwnedByOrganisation {
        @Override
        public String recordType() {
            return "PROGRAMME_TRAINING";
        }

        @Override
        public String recordId() {
            return organisationCode;
        }
    }
}
