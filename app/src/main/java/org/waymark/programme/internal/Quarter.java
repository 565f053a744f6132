package org.waymark.programme.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A financial quarter (Q1 is April to June), as training compliance and the NHS quarterly return are reported.
 * Written {@code 2026-27 Q3}.
 */
record Quarter(LocalDate start) {

    private static final Pattern WRITTEN = Pattern.compile("(\\d{4})-(\\d{2}) Q([1-4])");

    static Quarter of(LocalDate day) {
        int month = day.getMonthValue();
        int firstMonth = month >= 4 ? 4 + (month - 4) / 3 * 3 : 1;
        return new Quarter(LocalDate.of(day.getYear(), firstMonth, 1));
    }

    /** {@code 2026-27 Q3}; null when the text is not a quarter written that way. */
    static Quarter parse(String text) {
        var m = text == null ? null : WRITTEN.matcher(text.strip());
        if (m == null || !m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        if ((year + 1) % 100 != Integer.parseInt(m.group(2))) {
            return null;
        }
        int q = Integer.parseInt(m.group(3));
        return q == 4 ? new Quarter(LocalDate.of(year + 1, 1, 1)) : new Quarter(LocalDate.of(year, 1 + 3 * q, 1));
    }

    /** The quarter's last day. */
    LocalDate end() {
        return start.plusMonths(3).minusDays(1);
    }

    Quarter previous() {
        return new Quarter(start.minusMonths(3));
    }

    int financialYear() {
        return start.getMonthValue() >= 4 ? start.getYear() : start.getYear() - 1;
    }

    int number() {
        return start.getMonthValue() >= 4 ? (start.getMonthValue() - 4) / 3 + 1 : 4;
    }

    @Override
    public String toString() {
        int year = financialYear();
        return year + "-" + String.format("%02d", (year + 1) % 100) + " Q" + number();
    }

    /** This quarter and the ones before it, newest first. */
    List<Quarter> andPrevious(int count) {
        var quarters = new ArrayList<Quarter>();
        for (Quarter q = this; quarters.size() < count; q = q.previous()) {
            quarters.add(q);
        }
        return quarters;
    }
}
