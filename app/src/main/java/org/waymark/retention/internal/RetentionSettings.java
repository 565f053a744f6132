package org.waymark.retention.internal;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code waymark.retention.*}: how long a closed case is kept before it comes up for review, per outcome, as ISO-8601
 * periods ({@code WAYMARK_RETENTION_NO_FURTHER_ACTION} P3Y, as the 2023 Independent Review of Prevent recommended;
 * {@code WAYMARK_RETENTION_SIGNPOSTED}, {@code WAYMARK_RETENTION_POLICE_LED} and {@code WAYMARK_RETENTION_CHANNEL}
 * P6Y). {@code P0D} makes a closed case due at once.
 */
@ConfigurationProperties("waymark.retention")
record RetentionSettings(Period noFurtherAction, Period signposted, Period policeLed, Period channel) {

    RetentionSettings {
        noFurtherAction = orDefault(noFurtherAction, Period.ofYears(3), "no-further-action");
        signposted = orDefault(signposted, Period.ofYears(6), "signposted");
        policeLed = orDefault(policeLed, Period.ofYears(6), "police-led");
        channel = orDefault(channel, Period.ofYears(6), "channel");
    }

    private static Period orDefault(Period value, Period fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative()) {
            throw new IllegalArgumentException("waymark.retention." + name + " must not be negative: " + value);
        }
        return value;
    }

    Period of(RetentionRule rule) {
        return switch (rule) {
            case NO_FURTHER_ACTION -> noFurtherAction;
            case SIGNPOSTED -> signposted;
            case POLICE_LED -> policeLed;
            case CHANNEL -> channel;
        };
    }
}
