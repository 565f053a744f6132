package org.waymark.statistics.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.waymark.govuk.DisplayDates;

/** The module's definitions, for tests in other packages. */
public final class StatisticsTestAccess {

    private StatisticsTestAccess() {
    }

    /** The financial year today falls in, by the application's clock. */
    public static int currentYear(Clock clock) {
        return FinancialPeriod.yearOf(LocalDate.now(clock.withZone(DisplayDates.UK)));
    }
}
