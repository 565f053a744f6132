package org.waymark.retention.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What in a subject access pack a person must look at before it goes out (DPA 2018 s.45(4); the ICO's guidance on
 * other people's information and on opinions): fields that are about, or came from, someone other than the data
 * subject, and fields that record a professional's opinion rather than a fact. A row whose every field is a third
 * party's (a family member) is marked whole ({@code *}). Marks are prompts for review, not redactions.
 */
final class RedactionReview {

    static final String WHOLE_ROW = "*";

    private static final Map<String, Set<String>> THIRD_PARTY = Map.ofEntries(
            Map.entry("referral", Set.of("referrer_name", "referrer_organisation", "referrer_email", "referrer_phone", "family_details",
                    "agencies_involved")),
            Map.entry("linked_person", Set.of(WHOLE_ROW)),
            Map.entry("consent_record", Set.of("consenter")),
            Map.entry("information_request", Set.of("organisation", "answer")),
            Map.entry("exit_agreement", Set.of("organisation")),
            Map.entry("case_disclosure", Set.of("recipient")),
            Map.entry("deconfliction_match", Set.of("subject_id")));

    private static final Map<String, Set<String>> OPINION = Map.ofEntries(
            Map.entry("referral", Set.of("concern", "other_safeguarding")),
            Map.entry("screening_check", Set.of("note", "result")),
            Map.entry("screening_decision", Set.of("rationale", "approval_comment")),
            Map.entry("assessment", Set.of("summary", "management_plan", "changes_since_last")),
            Map.entry("assessment_factor", Set.of("rating", "evidence")),
            Map.entry("panel_agenda_item", Set.of("discussion")),
            Map.entry("intervention_session", Set.of("notes", "concern", "concern_acknowledgement")),
            Map.entry("case_review", Set.of("notes")),
            Map.entry("police_led_review", Set.of("notes")),
            Map.entry("information_request", Set.of("answer")),
            Map.entry("deconfliction_match", Set.of("cleared_reason")));

    private RedactionReview() {
    }

    /** The fields of one row to review: third parties' data, and opinions; each list in the row's field order. */
    record Marks(List<String> thirdParty, List<String> opinion) {
    }

    static Marks of(String kind, Set<String> fields) {
        return new Marks(marked(THIRD_PARTY, kind, fields), marked(OPINION, kind, fields));
    }

    private static List<String> marked(Map<String, Set<String>> rules, String kind, Set<String> fields) {
        var rule = rules.getOrDefault(kind, Set.of());
        if (rule.contains(WHOLE_ROW)) {
            return List.of(WHOLE_ROW);
        }
        return fields.stream().filter(rule::contains).sorted().toList();
    }
}
