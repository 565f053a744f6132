package org.waymark.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Failed password sign-ins by key, in the database so that every node behind the proxy counts the same failures
 * (ADR 0022). A key is stored as its SHA-256: the table says how often a source failed, not which address it was.
 */
@Repository
class SignInFailures {

    private final JdbcClient jdbc;
    private final SecurityProperties properties;
    private final Clock clock;

    SignInFailures(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    Optional<SignInThrottle.Failures> find(String key) {
        return jdbc.sql("select failures, last_failed_at from sign_in_failure where throttle_key = ?").param(hash(key))
                .query((rs, n) -> new SignInThrottle.Failures(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /**
     * One more failure for the key, counted from one again when the last was before {@code forgetBefore}. The
     * update is one statement, so two nodes counting at once both count; the insert of a first failure gives way to
     * one another node made at the same moment.
     */
    void failed(String key, Instant now, Instant forgetBefore) {
        String hashed = hash(key);
        var at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.sql("update sign_in_failure set failures = case when last_failed_at < ? then 1 else failures + 1 end, "
                    + "last_failed_at = ? where throttle_key = ?")
                    .params(OffsetDateTime.ofInstant(forgetBefore, ZoneOffset.UTC), at, hashed).update();
            if (updated > 0 || jdbc.sql("insert into sign_in_failure (throttle_key, failures, last_failed_at) values (?, 1, ?) "
                    + "on conflict do nothing").params(hashed, at).update() > 0) {
                return;
            }
        }
    }

    void succeeded(String key) {
        jdbc.sql("delete from sign_in_failure where throttle_key = ?").param(hash(key)).update();
    }

    /** Keys quiet for longer than the longest back-off are forgotten; one node does it for all. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    @SchedulerLock(name = "sign-in-failures-forget")
    void forgetQuiet() {
        var longest = properties.lockoutDuration().compareTo(properties.globalBackoffCap()) > 0
                ? properties.lockoutDuration() : properties.globalBackoffCap();
        jdbc.sql("delete from sign_in_failure where last_failed_at < ?")
                .param(OffsetDateTime.ofInstant(Instant.now(clock).minus(longest), ZoneOffset.UTC)).update();
    }

    private static String hash(String key) {
        return org.apache.commons.codec.digest.DigestUtils.sha256Hex(key);
    }
}
