package org.waymark.linkage;

import java.util.List;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * One comparison of two records, with ordered levels from "agrees exactly" to "disagrees" (the last).
 * {@link #level} answers the level, or -1 when either record lacks the field (no evidence either way).
 * The exact level of a comparison with a {@link #tfField} has its weight adjusted for how common the value is.
 */
public abstract class Comparison {

    static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance(3);
    static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private final String name;
    private final List<String> levels;

    protected Comparison(String name, List<String> levels) {
        this.name = name;
        this.levels = List.copyOf(levels);
    }

    public String name() {
        return name;
    }

    public List<String> levels() {
        return levels;
    }

    /** The field whose value frequencies adjust the exact level's weight, or null. */
    public String tfField() {
        return null;
    }

    public abstract int level(PersonRecord a, PersonRecord b);

    static double jw(String a, String b) {
        return JARO_WINKLER.apply(a, b);
    }

    /** Suffixes of the derived fields {@link Linker} adds: a name's Double Metaphone codes, primary and alternate. */
    static final String SOUND = "~dm";
    static final String SOUND_ALTERNATE = "~dma";

    /** Either Double Metaphone code agrees (computed once per record, not once per pair). */
    static boolean soundAlike(PersonRecord a, PersonRecord b, String field) {
        String p = a.get(field + SOUND);
        String q = b.get(field + SOUND);
        if (p == null || q == null) {
            return false;
        }
        return p.equals(q) || a.get(field + SOUND_ALTERNATE).equals(b.get(field + SOUND_ALTERNATE));
    }

    /**
     * Forename or surname: exact; a nickname or transliteration; swapped with the other name; Jaro-Winkler
     * at least 0.92; sounds alike (Double Metaphone); Jaro-Winkler at least 0.80; else.
     */
    static Comparison name(String field, String other, NameEquivalents equivalents) {
        return new Comparison(field, List.of("exact", "equivalent", "swapped", "jaro-winkler>=0.92", "phonetic", "jaro-winkler>=0.8", "else")) {
            @Override
            public String tfField() {
                return field;
            }

            @Override
            public int level(PersonRecord a, PersonRecord b) {
                String x = a.get(field);
                String y = b.get(field);
                if (x == null || y == null) {
                    String xo = a.get(other);
                    String yo = b.get(other);
                    if (x != null && x.equals(yo) || y != null && y.equals(xo)) {
                        return 2;
                    }
                    return -1;
                }
                if (x.equals(y)) {
                    return 0;
                }
                if (equivalents.equivalent(x, y) || anyTokenEquivalent(x, y, equivalents)) {
                    return 1;
                }
                if (x.equals(b.get(other)) || y.equals(a.get(other))) {
                    return 2;
                }
                double s = jw(x, y);
                if (s >= 0.92) {
                    return 3;
                }
                if (soundAlike(a, b, field)) {
                    return 4;
                }
                return s >= 0.8 ? 5 : 6;
            }
        };
    }

    /** "Mary Ann" and "Ann": one name among several agrees. */
    private static boolean anyTokenEquivalent(String x, String y, NameEquivalents equivalents) {
        if (!x.contains(" ") && !y.contains(" ")) {
            return false;
        }
        for (String p : x.split(" ")) {
            for (String q : y.split(" ")) {
                if (p.equals(q) || equivalents.equivalent(p, q)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How two present, different values of one field compare: a level from 1 up (level 0 is "exact"). */
    interface Differing {
        int level(String x, String y);
    }

    /**
     * A comparison of one field: -1 when either value is missing, 0 when they are equal, otherwise what
     * {@code differing} says. With {@code frequencyAdjusted}, the exact level's weight depends on the value.
     */
    static Comparison ofField(String field, List<String> levels, boolean frequencyAdjusted, Differing differing) {
        return new Comparison(field, levels) {
            @Override
            public String tfField() {
                return frequencyAdjusted ? field : null;
            }

            @Override
            public int level(PersonRecord a, PersonRecord b) {
                String x = a.get(field);
                String y = b.get(field);
                if (x == null || y == null) {
                    return -1;
                }
                return x.equals(y) ? 0 : differing.level(x, y);
            }
        };
    }

    /** Date of birth: exact; day and month swapped; one character wrong; within a year; else. */
    static Comparison dateOfBirth() {
        return ofField(Fields.DOB, List.of("exact", "day-month-transposed", "one-typo", "within-a-year", "else"), true, (x, y) -> {
            if (x.length() == 10 && y.length() == 10 && x.substring(0, 4).equals(y.substring(0, 4))
                    && x.substring(5, 7).equals(y.substring(8, 10)) && x.substring(8, 10).equals(y.substring(5, 7))) {
                return 1;
            }
            if (oneEdit(x, y)) {
                return 2;
            }
            return x.length() == 10 && y.length() == 10 && Math.abs(days(x) - days(y)) <= 366 ? 3 : 4;
        });
    }

    /** Days since year 0 of an ISO date, near enough (months of 30.44 days) for "within a year". */
    static int days(String iso) {
        int year = (iso.charAt(0) - '0') * 1000 + (iso.charAt(1) - '0') * 100 + (iso.charAt(2) - '0') * 10 + (iso.charAt(3) - '0');
        int month = (iso.charAt(5) - '0') * 10 + (iso.charAt(6) - '0');
        int day = (iso.charAt(8) - '0') * 10 + (iso.charAt(9) - '0');
        return year * 365 + year / 4 + (int) ((month - 1) * 30.44) + day;
    }

    /** At most one character inserted, deleted or replaced: counted directly when the lengths match. */
    static boolean oneEdit(String x, String y) {
        if (x.length() == y.length()) {
            int differences = 0;
            for (int i = 0; i < x.length() && differences < 2; i++) {
                if (x.charAt(i) != y.charAt(i)) {
                    differences++;
                }
            }
            return differences == 1;
        }
        return Math.abs(x.length() - y.length()) == 1 && LEVENSHTEIN.apply(x, y) == 1;
    }

    /** Codes and numbers (postcode, identity number, street number): exact; one character wrong; else. */
    static Comparison code(String field) {
        return ofField(field, List.of("exact", "one-typo", "else"), true, (x, y) -> oneEdit(x, y) ? 1 : 2);
    }

    /** Free text (address, town): exact; Jaro-Winkler at least 0.92; at least 0.8; else. */
    static Comparison text(String field) {
        return ofField(field, List.of("exact", "jaro-winkler>=0.92", "jaro-winkler>=0.8", "else"), true, (x, y) -> {
            double s = jw(x, y);
            return s >= 0.92 ? 1 : s >= 0.8 ? 2 : 3;
        });
    }

    /** E-mail: exact; same address before the @; Jaro-Winkler at least 0.88; else. */
    static Comparison email() {
        return ofField(Fields.EMAIL, List.of("exact", "same-user", "jaro-winkler>=0.88", "else"), false, (x, y) -> {
            int ax = x.indexOf('@');
            int ay = y.indexOf('@');
            if (ax > 0 && ay > 0 && x.substring(0, ax).equals(y.substring(0, ay))) {
                return 1;
            }
            return jw(x, y) >= 0.88 ? 2 : 3;
        });
    }

    /** Exact or not (gender, state). */
    static Comparison exact(String field) {
        return ofField(field, List.of("exact", "else"), false, (x, y) -> 1);
    }
}
