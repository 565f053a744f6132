package org.waymark.referral;

/**
 * What a milestone on a case's timeline records. Each kind's words are the message {@code milestone.<KIND>};
 * kinds are never renamed or removed, because the timeline of every case ever kept names them.
 */
public enum MilestoneKind {
    REFERRAL_RECEIVED, DOCUMENT_ADDED, LINKED_PERSON_ADDED, FURTHER_CONCERN, JOINED_TO,
    SYSTEM_CHECK, INFORMATION_REQUESTED, INFORMATION_PROVIDED, SCREENING_DECISION, DECISION_AWAITING_APPROVAL, CLOSURE_APPROVED,
    CLOSURE_RETURNED, WITHHELD, RELEASED, ASSESSED,
    ON_PANEL_AGENDA, PANEL_ADOPT, PANEL_NOT_ADOPT, PANEL_CONTINUE, PANEL_EXIT, CONSENT_GIVEN, CONSENT_REFUSED, INTERVENTION_ADDED,
    SESSION_HELD, SESSION_MISSED, SESSION_CANCELLED, CONCERN_RAISED, CONCERN_ACKNOWLEDGED, PLAN_STALLED,
    /** A post-exit review that leaves another to come (kept for reviews recorded before the kinds below existed). */
    POST_EXIT_REVIEW,
    /** A post-exit review that extended the schedule to a final review. */
    POST_EXIT_REVIEW_EXTENDED,
    /** The last post-exit review, with no concern: it closes the case. */
    POST_EXIT_REVIEW_FINAL,
    REOPENED, POLICE_LED_REVIEW, TRANSFERRED,
    PERSON_MERGED, PERSON_SEPARATED, PERSON_MATCH_REJECTED,
    /** A fact of the referral corrected by the data protection officer (issue 15): the detail names the field, never a value. */
    FACT_RECTIFIED;

    public String messageCode() {
        return "milestone." + name();
    }

    /** The kind named by a panel decision or a session's status: PANEL_ADOPT, SESSION_HELD. */
    public static MilestoneKind of(String prefix, Enum<?> value) {
        return valueOf(prefix + value.name());
    }
}
