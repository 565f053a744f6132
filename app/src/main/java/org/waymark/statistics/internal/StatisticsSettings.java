package org.waymark.statistics.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code waymark.statistics.*}: the suppression threshold ({@code WAYMARK_STATISTICS_SUPPRESSION_THRESHOLD}, default 5;
 * 0 turns suppression off), the band outside which an equality rate ratio is flagged (default the four-fifths rule),
 * and the targets after which a case waiting for its next stage is listed as overdue, in working days.
 */
@ConfigurationProperties("waymark.statistics")
record StatisticsSettings(Integer suppressionThreshold, Double equalityLow, Double equalityHigh, Integer screeningTargetDays,
        Integer panelTargetDays, Integer consentTargetDays) {

    StatisticsSettings {
        suppressionThreshold = suppressionThreshold == null ? 5 : suppressionThreshold;
        equalityLow = equalityLow == null ? 0.8 : equalityLow;
        equalityHigh = equalityHigh == null ? 1.25 : equalityHigh;
        screeningTargetDays = screeningTargetDays == null ? 5 : screeningTargetDays;
        panelTargetDays = panelTargetDays == null ? 20 : panelTargetDays;
        consentTargetDays = consentTargetDays == null ? 10 : consentTargetDays;
        if (suppressionThreshold < 0) {
            throw new IllegalArgumentException("waymark.statistics.suppression-threshold must be 0 (off) or more");
        }
        if (!(equalityLow > 0 && equalityLow < 1 && equalityHigh > 1)) {
            throw new IllegalArgumentException("waymark.statistics.equality-low must be between 0 and 1, and equality-high above 1");
        }
    }
}
