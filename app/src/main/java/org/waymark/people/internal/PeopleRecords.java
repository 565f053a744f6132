package org.waymark.people.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseStage;

/** Record linkage's forms and what its pages and API show. */
final class PeopleRecords {

    private PeopleRecords() {
    }

    enum Decision { SAME_PERSON, NOT_SAME_PERSON }

    record DecisionForm(String decision, String reason) {
    }

    record MergeForm(UUID into, String reason) {
    }

    record SearchForm(String forename, String surname, String dateOfBirth) {
    }

    record Referral(UUID caseId, String reference, CaseStage stage, Instant receivedAt) {
    }

    /** How one field compared, for people to read: "Date of birth: day and month swapped" (agrees or not). */
    record Field(String field, String level, double weight, boolean agrees) {
    }

    record Candidate(UUID personId, String forename, String surname, LocalDate dateOfBirth, String postcode, double probability,
            double weight, String band, List<Field> fields, List<Referral> referrals) {

        /** Never 0% or 100%: the model is never certain, and a page that says so would be believed. */
        public long percent() {
            return Math.max(1, Math.min(99, Math.round(probability * 100)));
        }
    }

    record Matches(UUID caseId, UUID personId, List<Candidate> candidates) {
    }

    record Merge(UUID id, UUID survivorId, UUID mergedId, List<UUID> caseIds, String reason, String mergedBy, Instant mergedAt,
            String undoneBy, Instant undoneAt) {

        public boolean undone() {
            return undoneAt != null;
        }

        /** The merge as a reader may see it: only the moved cases among these. */
        Merge showing(Set<UUID> readable) {
            return new Merge(id, survivorId, mergedId, caseIds.stream().filter(readable::contains).toList(), reason, mergedBy, mergedAt,
                    undoneBy, undoneAt);
        }
    }

    record Name(String forename, String surname, LocalDate dateOfBirth, String postcode, String reference) {
    }

    record Person(UUID id, boolean current, UUID mergedInto, List<Name> names, List<Referral> referrals, List<Merge> merges) {
    }

    /** One referral's subject as linkage compares it (person_linkage_record), and whose case it is now. */
    record Linked(UUID caseId, UUID personId, String forename, String surname, LocalDate dateOfBirth, String postcode) {
    }

    static Referral referral(CaseFile c) {
        return new Referral(c.id(), c.reference(), c.stage(), c.receivedAt());
    }
}
