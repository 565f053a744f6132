package org.waymark.govuk;

import java.text.Normalizer;

/**
 * What typed text may hold. Control characters (NUL among them: PostgreSQL cannot store it) and lone halves of
 * surrogate pairs (which break other systems' JSON parsers) are refused in any answer. Names are stricter: no
 * invisible formatting characters (zero-width joiners, bidirectional overrides that make a name display as
 * another), and at least one letter (a name of non-breaking spaces is no name). Names are stored in NFC, so
 * "é" typed as e and an accent matches "é" typed as one character.
 */
public final class TextRules {

    private TextRules() {
    }

    /** The message code of what is wrong with this answer, or null if nothing is. */
    public static String problem(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "form.text.brokenCharacter";
            }
            if (Character.isLowSurrogate(c)) {
                return "form.text.brokenCharacter";
            }
            if (c != '\t' && c != '\n' && c != '\r' && Character.isISOControl(c)) {
                return "form.text.controlCharacter";
            }
            if (c == '\uFFFE' || c == '\uFFFF') {
                return "form.text.brokenCharacter";
            }
        }
        return null;
    }

    /** As {@link #problem}, and for a person's name also invisible formatting characters and no letter at all. */
    public static String nameProblem(String value) {
        String problem = problem(value);
        if (problem != null || value == null) {
            return problem;
        }
        boolean letter = false;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.getType(cp) == Character.FORMAT || cp == '\t' || cp == '\n' || cp == '\r') {
                return "form.name.invisibleCharacter";
            }
            letter |= Character.isLetter(cp);
            i += Character.charCount(cp);
        }
        return letter ? null : "form.name.noLetters";
    }

    /** A name as stored: NFC, trimmed of every kind of space (non-breaking ones too), inner runs of space made one. */
    public static String name(String value) {
        if (value == null) {
            return null;
        }
        String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
        String spaced = nfc.replaceAll("[\\p{Zs}\\s]+", " ").strip();
        return spaced.isEmpty() ? null : spaced;
    }

    /** An e-mail address as accounts and the programme's members take one: something@somewhere.tld, at most 320 characters. */
    public static boolean isEmail(String value) {
        return value != null && value.length() <= 320 && value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }
}
