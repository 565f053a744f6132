package org.waymark.referral;

/**
 * A request that the case's stage does not allow now (a decision on a case already decided, consent before
 * adoption): the API answers 409 with the stage, a page shows it as an error.
 */
public class IllegalMove extends org.waymark.govuk.Conflict {

    public IllegalMove(CaseStage stage, String what) {
        super(capitalised(what) + " is not possible while the case is " + stage.words() + ".");
    }

    private static String capitalised(String what) {
        return what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
