package org.waymark.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.waymark.access.CurrentUser;

/**
 * Rectification of a referral's facts (issue 15, DPA 2018 s.46): the data protection officer corrects a fact (a name,
 * the date of birth, the address) and the case keeps its history: who, when, why, and the value replaced, which only
 * the officer sees; the case team's timeline says which fact was corrected, never the value. Opinions (the referrer's
 * account of the concern, professionals' judgements) are not facts and are not rectified. The answer lists the
 * recipients of earlier disclosures of the case, to be told of the correction.
 */
public interface CaseRectifications {

    /** The facts that can be corrected, by the names the API and the pages use. */
    List<String> FACTS = List.of("forename", "surname", "aliases", "dateOfBirth", "gender", "address", "postcode", "nationality", "firstLanguage",
            "schoolOrOccupation");

    /** Fields that record someone's opinion or account: they are labelled, never rectified. */
    List<String> OPINIONS = List.of("concern", "otherSafeguarding", "familyDetails", "agenciesInvolved");

    record Rectification(UUID id, UUID caseId, String field, String oldValue, String newValue, String reason, String rectifiedBy,
            Instant rectifiedAt) {
    }

    /** A correction made, and whom earlier disclosures of the case went to. */
    record Rectified(Rectification rectification, List<Cases.Disclosure> toNotify) {
    }

    Rectified rectify(CurrentUser by, UUID caseId, String field, String value, String reason);

    /** The case's corrections, oldest first, with the values they replaced: for the officer only. */
    List<Rectification> history(UUID caseId);
}
