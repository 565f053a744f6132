package org.waymark.referral;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a case stands (docs/domain.md §3). The stage is stored with the case, equals the "to" of its last moving
 * milestone (ADR 10), and only ever moves along {@link #next()}; every move is a conditional update from the stage it was read in, so two people
 * deciding at once cannot both win, and no illegal move is accepted whoever asks.
 */
public enum CaseStage {
    SCREENING,
    /** A repeat referral closed as no further action waits for a supervisor. */
    AWAITING_APPROVAL,
    NO_FURTHER_ACTION,
    SIGNPOSTED,
    /** A repeat referral joined to the person's open case as a further concern, not screened on its own. */
    JOINED,
    POLICE_LED,
    POLICE_LED_CLOSED,
    /** Referred to Channel: information gathering and panel discussion. */
    CHANNEL,
    NOT_ADOPTED,
    /** Adopted by the panel, waiting for consent. */
    ADOPTED,
    SUPPORT,
    /** Left Channel; post-exit reviews at 6 and 12 (up to 24) months. */
    EXITED,
    CLOSED;

    private static final Map<CaseStage, Set<CaseStage>> NEXT = Map.ofEntries(
            Map.entry(SCREENING, EnumSet.of(AWAITING_APPROVAL, NO_FURTHER_ACTION, SIGNPOSTED, POLICE_LED, CHANNEL, JOINED)),
            Map.entry(JOINED, EnumSet.noneOf(CaseStage.class)),
            Map.entry(AWAITING_APPROVAL, EnumSet.of(NO_FURTHER_ACTION, SCREENING)),
            Map.entry(NO_FURTHER_ACTION, EnumSet.noneOf(CaseStage.class)),
            Map.entry(SIGNPOSTED, EnumSet.noneOf(CaseStage.class)),
            Map.entry(POLICE_LED, EnumSet.of(POLICE_LED_CLOSED, CHANNEL)),
            Map.entry(POLICE_LED_CLOSED, EnumSet.noneOf(CaseStage.class)),
            Map.entry(CHANNEL, EnumSet.of(ADOPTED, NOT_ADOPTED)),
            Map.entry(NOT_ADOPTED, EnumSet.noneOf(CaseStage.class)),
            // Consent refused goes back to the panel, which may choose another route.
            Map.entry(ADOPTED, EnumSet.of(SUPPORT, CHANNEL)),
            Map.entry(SUPPORT, EnumSet.of(EXITED, CHANNEL)),
            // A concern at a post-exit review reopens the case.
            Map.entry(EXITED, EnumSet.of(CLOSED, CHANNEL)),
            Map.entry(CLOSED, EnumSet.noneOf(CaseStage.class)));

    private static final Set<CaseStage> CHANNEL_STAGES = EnumSet.of(CHANNEL, NOT_ADOPTED, ADOPTED, SUPPORT, EXITED, CLOSED);

    public Set<CaseStage> next() {
        return NEXT.get(this);
    }

    public boolean canMoveTo(CaseStage to) {
        return NEXT.get(this).contains(to);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** Stages in which the local authority's Channel team holds the case. */
    public boolean isChannel() {
        return CHANNEL_STAGES.contains(this);
    }

    /** Stages in which CT police hold the case. */
    public boolean isPolice() {
        return this == SCREENING || this == AWAITING_APPROVAL || this == POLICE_LED;
    }
}
