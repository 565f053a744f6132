package org.waymark.content.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Says whether the PDQ bank's index, and the video bank's, are loaded. Always UP: while it loads the node still answers every match (from the
 * table, ADR 8), so no proxy should take it out of service; the detail ({@code pdqIndex: loading|ready}) and the gauge
 * {@code waymark.content.bank.ready} say how it answers.
 */
@Component("hashBankHealthIndicator")
class HashBankHealth implements HealthIndicator {

    private final HashBank bank;
    private final VideoBank videos;

    HashBankHealth(HashBank bank, VideoBank videos, MeterRegistry meters) {
        this.bank = bank;
        this.videos = videos;
        Gauge.builder("waymark.content.bank.ready", bank, b -> b.ready() ? 1 : 0)
                .description("1 when the PDQ bank's in-memory index is loaded; 0 while matches come from scanning the table").register(meters);
    }

    @Override
    public Health health() {
        return Health.up().withDetail("pdqIndex", bank.ready() ? "ready" : "loading").withDetail("pdqHashes", bank.size())
                .withDetail("videoIndex", videos.ready() ? "ready" : "loading").withDetail("videos", videos.size()).build();
    }
}
