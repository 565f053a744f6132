package org.waymark.govuk;

/** The GOV.UK date input's three boxes (day, month, year) as one yyyy-mm-dd value for the services to check. */
public final class DateInput {

    private DateInput() {
    }

    /**
     * Null when all three are empty; yyyy-mm-dd when all are numbers (not yet checked to be a real date: the
     * service's parse rejects 31 February); otherwise a value that fails any date parse, so the error is the
     * service's usual "must be a real date" and what was typed is not silently dropped.
     */
    public static String iso(String day, String month, String year) {
        if (blank(day) && blank(month) && blank(year)) {
            return null;
        }
        try {
            return String.format("%04d-%02d-%02d", Integer.parseInt(year.trim()), Integer.parseInt(month.trim()), Integer.parseInt(day.trim()));
        } catch (RuntimeException e) {
            return (blank(year) ? "" : year.trim()) + "-" + (blank(month) ? "" : month.trim()) + "-" + (blank(day) ? "" : day.trim());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
