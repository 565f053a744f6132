package org.waymark.referral;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Working days in England and Wales: Monday to Friday except bank holidays, which are reference data
 * ({@code reference/bank-holidays-england-and-wales.csv}, from GOV.UK's published list). Screening's five-day
 * target and information-request deadlines count these.
 */
@Component
public class WorkingDays {

    private final Set<LocalDate> holidays;

    public WorkingDays() {
        var dates = new TreeSet<LocalDate>();
        for (String[] row : org.waymark.csv.Csv.resource("reference/bank-holidays-england-and-wales.csv")) {
            dates.add(LocalDate.parse(row[0].strip()));
        }
        this.holidays = Set.copyOf(dates);
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** Working days after {@code from} up to and including {@code to}: 0 on the same day, 1 on the next working day. */
    public int between(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                days++;
            }
        }
        return days;
    }

    /** The day {@code days} working days after {@code from}. */
    public LocalDate plus(LocalDate from, int days) {
        LocalDate d = from;
        for (int left = days; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }
}
