package org.waymark.statistics.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A financial year (April to March: 2023 is 1 April 2023 to 31 March 2024) or one of its quarters (1 is April to
 * June). A referral belongs to the period its referral date falls in.
 */
record FinancialPeriod(int year, Integer quarter) {

    static final int FIRST_YEAR = 2000;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    FinancialPeriod {
        if (year < FIRST_YEAR || year > 2999) {
            throw new IllegalArgumentException("financialYear");
        }
        if (quarter != null && (quarter < 1 || quarter > 4)) {
            throw new IllegalArgumentException("quarter");
        }
    }

    static int yearOf(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    static int quarterOf(LocalDate day) {
        return (day.getMonthValue() + 8) % 12 / 3 + 1;
    }

    public LocalDate from() {
        return LocalDate.of(year, 4, 1).plusMonths(quarter == null ? 0 : 3L * (quarter - 1));
    }

    public LocalDate to() {
        return (quarter == null ? LocalDate.of(year + 1, 4, 1) : from().plusMonths(3)).minusDays(1);
    }

    FinancialPeriod wholeYear() {
        return new FinancialPeriod(year, null);
    }

    /** "2023/24", or "2023/24 Q1 (April 2023 to June 2023)". */
    public String label() {
        String y = year + "/" + String.format(Locale.ROOT, "%02d", (year + 1) % 100);
        return quarter == null ? y : y + " Q" + quarter + " (" + from().format(MONTH) + " to " + to().format(MONTH) + ")";
    }
}
