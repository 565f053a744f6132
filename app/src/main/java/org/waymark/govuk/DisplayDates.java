package org.waymark.govuk;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Times are stored in UTC and shown in UK time, in the GOV.UK style ("3 June 2026 at 2:15pm").
 * Templates use it as {@code ${@dates.dateTime(instant)}}.
 */
@Component("dates")
public class DisplayDates {

    public static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK).withZone(UK);
    private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("h:mm:ssa", Locale.UK).withZone(UK);

    public String date(java.time.LocalDate date) {
        return date == null ? "" : DATE.withZone(null).format(date);
    }

    /** The UK date of an instant ("3 June 2026"), where the time of day does not matter. */
    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    /** The same style to the second, where the order of events matters (the audit trail): "3 June 2026 at 2:15:07pm". */
    public String dateTimeSeconds(Instant instant) {
        return instant == null ? "" : DATE.format(instant) + " at " + TIME_SECONDS.format(instant).toLowerCase(Locale.UK);
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DATE.format(instant) + " at " + TIME.format(instant).toLowerCase(Locale.UK);
    }
}
