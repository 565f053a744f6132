package org.waymark.access;

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
 * The public's forms (a concern about a person, a report of online content) each take a few submissions an hour
 * from one address, so nobody can flood a queue. Counted in the database, so the limit holds however many nodes
 * the proxy spreads the forms across (ADR 0022); an address is kept only as its SHA-256 (with the form's name),
 * and only for the hour.
 */
@Component
public class PublicRateLimit {

    /** The forms, each with its own hourly allowance per address. */
    public enum Form { CONCERN, ONLINE_CONTENT }


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
    public boolean tryAcquire(Form form, String address) {
        var now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        // The concern form's key is the address alone, as before there were two forms.
        String hashed = org.apache.commons.codec.digest.DigestUtils.sha256Hex(form == Form.CONCERN ? address : form.name() + ":" + address);
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
