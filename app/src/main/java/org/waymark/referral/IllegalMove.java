package org.waymark.referral;

/**
 * A request that the case's stage does not allow now (a decision on a case already decided, consent before
 * adoption): the API answers 409 with the stage, a page shows it as an error.
 */
public class IllegalMove extends org.waymark.govuk.Conflict {

    public IllegalMove(CaseStage stage, String what) {
        super(what + " is not possible while the case is " + stage.name());
    }
}
