package org.waymark.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SignInThrottleUnitTest {

    private final Instant t0 = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void theFreeFailuresCostNothingThenEachWaitDoublesUpToTheCap() {
        var throttle = new SignInThrottle(5, Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            throttle.failed("a", t0);
        }
        assertThat(throttle.wait("a", t0)).isZero();
        throttle.failed("a", t0);
        assertThat(throttle.wait("a", t0)).isEqualTo(Duration.ofSeconds(1));
        throttle.failed("a", t0);
        assertThat(throttle.wait("a", t0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.wait("a", t0.plusSeconds(2))).isZero();
        assertThat(throttle.backoff(20)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.backoff(60)).isEqualTo(Duration.ofMinutes(15));
        // Another key is not slowed at all.
        assertThat(throttle.wait("b", t0)).isZero();
    }

    @Test
    void aSuccessOrAQuietSpellForgetsTheFailures() {
        var throttle = new SignInThrottle(2, Duration.ofMinutes(1));
        throttle.failed("a", t0);
        throttle.failed("a", t0);
        throttle.failed("a", t0);
        assertThat(throttle.wait("a", t0)).isPositive();
        throttle.failed("a", t0.plus(Duration.ofMinutes(2)));
        assertThat(throttle.wait("a", t0.plus(Duration.ofMinutes(2)))).isZero();
        throttle.failed("a", t0.plus(Duration.ofMinutes(2)));
        assertThat(throttle.wait("a", t0.plus(Duration.ofMinutes(2)))).isPositive();
        throttle.succeeded("a");
        assertThat(throttle.wait("a", t0.plus(Duration.ofMinutes(2)))).isZero();
    }
}
