package org.waymark.govuk;

import java.util.Locale;

/** Reads a choice from a form or a request body into its enumeration, leniently about case, spaces and hyphens. */
public final class Choices {

    private Choices() {
    }

    /** The constant, or null when the value is absent or names none of them (the caller turns that into a field error). */
    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
