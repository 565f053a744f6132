package org.waymark.access;

/**
 * Asks a signed-in user to prove again that they hold their second factor, for an action that needs it (break-glass
 * access). The same rules as at sign-in: each code once, one step of drift, and repeated wrong codes lock the account.
 */
public interface SecondFactor {

    enum Outcome { CONFIRMED, WRONG_CODE, LOCKED, NOT_SET_UP }

    Outcome confirm(CurrentUser user, String code);
}
