package org.waymark.screening.internal;

import java.util.Locale;

/**
 * Same forename, or one is the other's initial or leading part of three letters or more (Sam, Samuel; S, Sarah):
 * the deconfliction register errs towards a match, since missing one puts an investigation at risk.
 */
final class ForenameLikeness {

    static final int SHORTEST_LEADING_PART = 3;

    private ForenameLikeness() {
    }

    static boolean alike(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT).strip();
        String y = b.toLowerCase(Locale.ROOT).strip();
        return x.equals(y) || leads(x, y) || leads(y, x);
    }

    private static boolean leads(String part, String whole) {
        return !part.isEmpty() && whole.startsWith(part) && (part.length() == 1 || part.length() >= SHORTEST_LEADING_PART);
    }
}
