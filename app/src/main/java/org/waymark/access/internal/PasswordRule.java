package org.waymark.access.internal;

import java.util.Locale;

/** What makes a password acceptable (NCSC guidance: length over complexity, nothing that names its owner). */
final class PasswordRule {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 256;
    /** Fewer distinct characters than this is a keyboard run or a repeated letter. */
    static final int MIN_DISTINCT = 5;

    private PasswordRule() {
    }

    /** The message code of what is wrong with a new password, or null if it is acceptable. */
    static String problem(String password, String username) {
        if (password == null || password.isEmpty()) {
            return "user.password.missing";
        }
        if (password.length() < MIN_LENGTH) {
            return "user.password.short";
        }
        if (password.length() > MAX_LENGTH) {
            return "user.password.long";
        }
        if (!username.isEmpty() && password.toLowerCase(Locale.ROOT).contains(username)) {
            return "user.password.containsUsername";
        }
        if (password.chars().distinct().count() < MIN_DISTINCT) {
            return "user.password.guessable";
        }
        return null;
    }

}
