package org.waymark.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.AccessEvents;
import org.waymark.access.AccessEvents.By;

/**
 * Bearer tokens for API clients: 256 random bits shown once, stored only as a SHA-256 digest (a fast hash
 * suffices for high-entropy secrets), each with an expiry and revocable.
 */
@Service
class ApiTokens {

    static final String PREFIX = "wmk_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    record IssuedToken(UUID id, String token, Instant expiresAt) {
    }

    record TokenSummary(UUID id, Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

        public String status(Instant now) {
            return revokedAt != null ? "revoked" : expiresAt.isAfter(now) ? "live" : "expired";
        }
    }

    @Transactional
    IssuedToken issue(UUID userId, int days, By by) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        var id = UUID.randomUUID();
        Instant now = Instant.now(clock);
        Instant expires = now.plus(Duration.ofDays(days));
        jdbc.sql("insert into api_token (id, user_id, token_hash, created_at, created_by, expires_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, userId, digest(token), UserAccounts.at(now), by.username(), UserAccounts.at(expires)).update();
        events.publishEvent(new AccessEvents.TokenIssued(id, userId, by));
        return new IssuedToken(id, token, expires);
    }

    /** The account a live token belongs to; empty for unknown, expired or revoked tokens. */
    Optional<UUID> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        record Row(UUID id, UUID userId, Instant lastUsed) {
        }
        var row = jdbc.sql("select id, user_id, last_used_at from api_token where token_hash = ? and revoked_at is null and expires_at > ?")
                .params(digest(token), UserAccounts.at(now))
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), UserAccounts.instant(rs, "last_used_at")))
                .optional();
        row.filter(r -> r.lastUsed() == null || r.lastUsed().isBefore(now.minus(LAST_USED_RESOLUTION)))
                .ifPresent(r -> jdbc.sql("update api_token set last_used_at = ? where id = ?")
                        .params(UserAccounts.at(now), r.id()).update());
        return row.map(Row::userId);
    }

    List<TokenSummary> forUser(UUID userId) {
        return jdbc.sql("select id, created_at, created_by, expires_at, revoked_at, last_used_at from api_token where user_id = ? order by created_at desc")
                .param(userId)
                .query((rs, n) -> new TokenSummary(rs.getObject(1, UUID.class), UserAccounts.instant(rs, "created_at"),
                        rs.getString(3), UserAccounts.instant(rs, "expires_at"), UserAccounts.instant(rs, "revoked_at"),
                        UserAccounts.instant(rs, "last_used_at")))
                .list();
    }

    @Transactional
    boolean revoke(UUID tokenId, UUID userId, By by) {
        int changed = jdbc.sql("update api_token set revoked_at = ?, revoked_by = ? where id = ? and user_id = ? and revoked_at is null")
                .params(UserAccounts.at(Instant.now(clock)), by.username(), tokenId, userId).update();
        if (changed == 1) {
            events.publishEvent(new AccessEvents.TokenRevoked(tokenId, userId, by));
        }
        return changed == 1;
    }

    static String digest(String token) {
        return org.apache.commons.codec.digest.DigestUtils.sha256Hex(token);
    }
}
