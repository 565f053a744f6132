package org.waymark.referral.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The public form takes a few referrals an hour from one address, so nobody can flood the gateway's queue.
 * Counted per node in memory: behind a load balancer each node allows the limit (see the operations guide).
 */
@Component
class PublicRateLimit {

    private static final Duration WINDOW = Duration.ofHours(1);
    private final ConcurrentHashMap<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final int perHour;
    private final Clock clock;

    PublicRateLimit(@Value("${waymark.referral.public-limit-per-hour:5}") int perHour, Clock clock) {
        this.perHour = perHour;
        this.clock = clock;
    }

    /** Takes one submission for this address; false when it has had its share this hour. */
    boolean tryAcquire(String address) {
        Instant now = Instant.now(clock);
        var times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= perHour) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    @Scheduled(fixedDelay = 600_000)
    void forgetOld() {
        Instant cutoff = Instant.now(clock).minus(WINDOW);
        recent.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(cutoff);
            }
        });
    }
}
