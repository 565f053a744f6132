package org.waymark.screening.internal;

import org.waymark.screening.internal.ScreeningEnums.Outcome;

/**
 * Closing a repeat referral with no further action needs a second officer: a CT supervisor who did not make the
 * decision approves it (the Southport review: repeat referrals closed one at a time).
 */
final class FourEyes {

    private FourEyes() {
    }

    /** Whether this decision waits for a supervisor: no further action for a person referred before. */
    static boolean needsApproval(Outcome outcome, boolean repeatReferral) {
        return outcome == Outcome.NO_FURTHER_ACTION && repeatReferral;
    }

    /** Whether this approver may approve: anyone but the decider. */
    static boolean mayApprove(String decidedBy, String approver) {
        return !decidedBy.equals(approver);
    }
}
