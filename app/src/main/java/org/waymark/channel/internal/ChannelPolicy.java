package org.waymark.channel.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waymark.channel.*}: the numbers of Channel's policy that a council may set differently. The defaults are
 * the Channel duty guidance's: post-exit reviews at 6 and 12 months, extendable once to 24; a plan stalls after
 * two missed sessions in a row or four weeks without one held.
 */
@ConfigurationProperties("waymark.channel")
record ChannelPolicy(
        @DefaultValue("2") int stalledMissedSessions,
        @DefaultValue("28") int stalledDaysWithoutSession,
        @DefaultValue Reviews reviews) {

    /** Months after exit at which post-exit reviews fall due, and the most a case may have. */
    record Reviews(
            @DefaultValue("6") int firstMonths,
            @DefaultValue("12") int secondMonths,
            @DefaultValue("24") int extendedMonths,
            @DefaultValue("3") int most) {
    }

    ReviewSchedule reviewSchedule() {
        return new ReviewSchedule(reviews.firstMonths(), reviews.secondMonths(), reviews.extendedMonths(), reviews.most());
    }

    StalledPlanRule stalledPlanRule() {
        return new StalledPlanRule(stalledMissedSessions, stalledDaysWithoutSession);
    }
}
