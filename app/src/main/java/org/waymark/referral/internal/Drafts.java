package org.waymark.referral.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;

import tools.jackson.databind.ObjectMapper;

/**
 * A professional's unfinished referral, saved at every page so nothing typed is lost. Each draft is one
 * self-contained row, visible only to its author, and purged after 28 days untouched.
 */
@Component
class Drafts {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration retention;

    Drafts(JdbcClient jdbc, ObjectMapper json, AuditTrail audit, Clock clock,
            @Value("${waymark.referral.draft-retention:P28D}") Duration retention) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.retention = retention;
    }

    record Draft(UUID id, String owner, ReferralForm form, Instant updatedAt) {
        /** The day it will be deleted if nobody touches it. */
        public Instant expiresAt(Duration retention) {
            return updatedAt.plus(retention);
        }
    }

    Duration retention() {
        return retention;
    }

    @Transactional
    UUID create(String owner) {
        var id = UUID.randomUUID();
        jdbc.sql("insert into referral_draft (id, owner, answers, updated_at) values (?, ?, ?, ?)")
                .params(id, owner, json.writeValueAsString(ReferralForm.empty()), Timestamp.from(Instant.now(clock))).update();
        return id;
    }

    Optional<Draft> find(UUID id, String owner) {
        return jdbc.sql("select id, owner, answers, updated_at from referral_draft where id = ? and owner = ?").params(id, owner)
                .query((rs, n) -> new Draft(rs.getObject(1, UUID.class), rs.getString(2), json.readValue(rs.getString(3), ReferralForm.class),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    List<Draft> of(String owner) {
        return jdbc.sql("select id, owner, answers, updated_at from referral_draft where owner = ? order by updated_at desc").param(owner)
                .query((rs, n) -> new Draft(rs.getObject(1, UUID.class), rs.getString(2), json.readValue(rs.getString(3), ReferralForm.class),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    @Transactional
    void save(UUID id, String owner, ReferralForm form) {
        jdbc.sql("update referral_draft set answers = ?, updated_at = ? where id = ? and owner = ?")
                .params(json.writeValueAsString(form), Timestamp.from(Instant.now(clock)), id, owner).update();
    }

    @Transactional
    void delete(UUID id, String owner) {
        jdbc.sql("delete from referral_draft where id = ? and owner = ?").params(id, owner).update();
    }

    /** Deletes drafts untouched for the retention period; the erasure is logged with a count, never the content. */
    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT2M")
    @Transactional
    public int purge() {
        int deleted = jdbc.sql("delete from referral_draft where updated_at < ?").param(Timestamp.from(Instant.now(clock).minus(retention)))
                .update();
        if (deleted > 0) {
            audit.record(AuditEvent.of(AuditAction.ERASURE, "referral.drafts.purged").reason(deleted + " drafts untouched for " + retention.toDays()
                    + " days").by("system", null));
        }
        return deleted;
    }
}
