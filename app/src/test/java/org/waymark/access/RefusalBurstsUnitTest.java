package org.waymark.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RefusalBurstsUnitTest {

    @Test
    void aBurstIsReportedOnceAWindowAndOnlyForTheUserWhoMadeIt() {
        var bursts = new RefusalBursts(3, Duration.ofMinutes(5));
        var prober = UUID.randomUUID();
        var other = UUID.randomUUID();
        var t = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(bursts.refused(prober, t)).isFalse();
        assertThat(bursts.refused(other, t)).isFalse();
        assertThat(bursts.refused(prober, t.plusSeconds(1))).isFalse();
        assertThat(bursts.refused(prober, t.plusSeconds(2))).isTrue();
        assertThat(bursts.refused(prober, t.plusSeconds(3))).isFalse();
        assertThat(bursts.refused(other, t.plusSeconds(3))).isFalse();
        // Refusals spread wider than the window never make a burst.
        var slow = UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            assertThat(bursts.refused(slow, t.plus(Duration.ofMinutes(3L * i)))).isFalse();
        }
        // A new burst after the window has passed is reported again.
        var later = t.plus(Duration.ofMinutes(10));
        bursts.refused(prober, later);
        bursts.refused(prober, later.plusSeconds(1));
        assertThat(bursts.refused(prober, later.plusSeconds(2))).isTrue();
    }
}
