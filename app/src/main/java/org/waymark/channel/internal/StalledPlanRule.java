package org.waymark.channel.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.waymark.channel.internal.ChannelRecords.SessionStatus;

/**
 * When a support plan has stalled: the last {@code missedInARow} sessions were all missed, or none has been held
 * for more than {@code daysWithoutSession} days since the last one held (or since the plan began).
 */
record StalledPlanRule(int missedInARow, int daysWithoutSession) {

    /** A session as the rule needs it. */
    record Attendance(SessionStatus status, LocalDate heldOn) {
    }

    enum Reason { MISSED_IN_A_ROW, NONE_HELD }

    /** Why the plan has stalled, with the count it is about (sessions or days); null when it has not. */
    record Verdict(Reason reason, long count) {
    }

    /** {@code newestFirst}: the plan's sessions, most recent first. */
    Verdict judge(LocalDate planStarted, List<Attendance> newestFirst, LocalDate today) {
        int missed = 0;
        for (var s : newestFirst) {
            if (s.status() != SessionStatus.MISSED) {
                break;
            }
            missed++;
        }
        if (missed >= missedInARow) {
            return new Verdict(Reason.MISSED_IN_A_ROW, missed);
        }
        LocalDate lastHeld = newestFirst.stream().filter(s -> s.status() == SessionStatus.HELD).map(Attendance::heldOn).findFirst()
                .orElse(planStarted);
        if (lastHeld.plusDays(daysWithoutSession).isBefore(today)) {
            return new Verdict(Reason.NONE_HELD, ChronoUnit.DAYS.between(lastHeld, today));
        }
        return null;
    }
}
