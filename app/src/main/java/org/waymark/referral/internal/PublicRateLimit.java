package org.waymark.referral.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The public form takes a few referrals an hour from one address, so nobody can flood the gateway's queue.
 * Counted in the database, so the limit holds however many nodes the proxy spreads the form across (ADR 0022);
 * an address is kept only as its SHA-256, and only for the hour.
 */
@Component
class PublicRateLimit {

    private static final Duration WINDOW = Duration.ofHours(1);
    private final JdbcClient jdbc;
    private final int perHour;
    private final Clock clock;

    PublicRateLimit(JdbcClient jdbc, @Value("${waymark.referral.public-limit-per-hour:5}") int perHour, Clock clock) {
        this.jdbc = jdbc;
        this.perHour = perHour;
        this.clock = clock;
    }

    /**
     * Takes one submission for this address; false when it has had its share this hour. The submission is written
     * first and counted after, so two nodes taking the last place at once both see both and both refuse: the limit
     * can be undershot by a race, never exceeded.
     */
    boolean tryAcquire(String address) {
        var now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        String hashed = org.apache.commons.codec.digest.DigestUtils.sha256Hex(address);
        var id = UUID.randomUUID();
        jdbc.sql("insert into public_submission (id, address_hash, submitted_at) values (?, ?, ?)").params(id, hashed, now).update();
        long inWindow = jdbc.sql("select count(*) from public_submission where address_hash = ? and submitted_at > ?")
                .params(hashed, now.minus(WINDOW)).query(Long.class).single();
        if (inWindow > perHour) {
            // Refused: this attempt is not one of the hour's submissions.
            jdbc.sql("delete from public_submission where id = ?").param(id).update();
            return false;
        }
        return true;
    }

    @Scheduled(fixedDelay = 600_000)
    @SchedulerLock(name = "public-submissions-forget")
    void forgetOld() {
        jdbc.sql("delete from public_submission where submitted_at <= ?")
                .param(OffsetDateTime.ofInstant(Instant.now(clock).minus(WINDOW), ZoneOffset.UTC)).update();
    }
}
