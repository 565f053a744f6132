package org.waymark.retention.internal;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code waymark.subject-access.*}: the time to answer a subject access request ({@code WAYMARK_SUBJECT_ACCESS_PERIOD},
 * one month, DPA 2018 s.54) and the longest extension the officer may record ({@code WAYMARK_SUBJECT_ACCESS_MAX_EXTENSION},
 * two months; the Data (Use and Access) Act 2025 changed these rules, so both are configuration). Pausing the clock
 * while the officer waits for what is needed to find the information is allowed unless
 * {@code WAYMARK_SUBJECT_ACCESS_PAUSE_ALLOWED} is false.
 */
@ConfigurationProperties("waymark.subject-access")
record SubjectAccessSettings(Period period, Period maxExtension, Boolean pauseAllowed) {

    SubjectAccessSettings {
        period = period == null ? Period.ofMonths(1) : period;
        maxExtension = maxExtension == null ? Period.ofMonths(2) : maxExtension;
        pauseAllowed = pauseAllowed == null || pauseAllowed;
        if (period.isNegative() || period.isZero() || maxExtension.isNegative()) {
            throw new IllegalArgumentException("waymark.subject-access.period must be positive and max-extension not negative");
        }
    }
}
