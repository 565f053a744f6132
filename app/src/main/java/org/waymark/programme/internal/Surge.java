package org.waymark.programme.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Referrals in an area around an incident: each day from {@link #DAYS} before to {@link #DAYS} after (the day itself
 * counted after), the daily average before and after, and the change. A rise from nothing has no percentage.
 */
record Surge(List<Day> days, double averageBefore, double averageAfter, Integer changePercent) {

    static final int DAYS = 14;

    record Day(LocalDate day, int referrals, boolean after) {
    }

    static Surge around(LocalDate incident, Map<LocalDate, Integer> perDay) {
        var days = new ArrayList<Day>();
        int before = 0;
        int after = 0;
        for (LocalDate d = incident.minusDays(DAYS); !d.isAfter(incident.plusDays(DAYS - 1)); d = d.plusDays(1)) {
            int n = perDay.getOrDefault(d, 0);
            boolean isAfter = !d.isBefore(incident);
            days.add(new Day(d, n, isAfter));
            if (isAfter) {
                after += n;
            } else {
                before += n;
            }
        }
        double averageBefore = Math.round(before * 100.0 / DAYS) / 100.0;
        double averageAfter = Math.round(after * 100.0 / DAYS) / 100.0;
        Integer change = before == 0 ? null : (int) Math.round((after - before) * 100.0 / before);
        return new Surge(days, averageBefore, averageAfter, change);
    }
}
