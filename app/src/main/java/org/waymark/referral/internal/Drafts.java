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
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
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
        jdbc.sql("delete from referral_draft_document where draft_id in (select id from referral_draft where id = ? and owner = ?)")
                .params(id, owner).update();
        jdbc.sql("delete from referral_draft where id = ? and owner = ?").params(id, owner).update();
    }

    /** A document attached to a draft, as the check page lists it. */
    record AttachedDocument(UUID id, String fileName, long sizeBytes, Instant uploadedAt) {
    }

    /** The most documents one referral may carry before it is sent. */
    static final int MAX_DOCUMENTS = 10;

    @Transactional
    void attach(UUID draftId, Documents.Upload upload) {
        jdbc.sql("insert into referral_draft_document (id, draft_id, file_name, size_bytes, bytes, uploaded_at) values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), draftId, Documents.safeName(upload.name()), upload.bytes().length, upload.bytes(),
                        Timestamp.from(Instant.now(clock))).update();
        jdbc.sql("update referral_draft set updated_at = ? where id = ?").params(Timestamp.from(Instant.now(clock)), draftId).update();
    }

    List<AttachedDocument> documents(UUID draftId) {
        return jdbc.sql("select id, file_name, size_bytes, uploaded_at from referral_draft_document where draft_id = ? order by uploaded_at, id")
                .param(draftId).query((rs, n) -> new AttachedDocument(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    /** The documents as they go with the referral when it is sent. */
    List<Documents.Upload> uploads(UUID draftId) {
        return jdbc.sql("select file_name, bytes from referral_draft_document where draft_id = ? order by uploaded_at, id").param(draftId)
                .query((rs, n) -> new Documents.Upload(rs.getString(1), rs.getBytes(2))).list();
    }

    @Transactional
    boolean removeDocument(UUID draftId, UUID documentId) {
        return jdbc.sql("delete from referral_draft_document where id = ? and draft_id = ?").params(documentId, draftId).update() == 1;
    }

    /**
     * Deletes drafts untouched for the retention period; the erasure is logged with a count, never the content.
     * Returns nothing: ShedLock cannot lock a method returning a primitive and refused every run of this one when it
     * returned the count (found 2026-12-07; drafts were never purged).
     */
    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT2M")
    @SchedulerLock(name = "draft-purge")
    @Transactional
    public void purge() {
        var cutoff = Timestamp.from(Instant.now(clock).minus(retention));
        jdbc.sql("delete from referral_draft_document where draft_id in (select id from referral_draft where updated_at < ?)").param(cutoff).update();
        int deleted = jdbc.sql("delete from referral_draft where updated_at < ?").param(cutoff).update();
        if (deleted > 0) {
            audit.record(AuditEvent.of(AuditAction.ERASURE, "referral.drafts.purged").reason(deleted + " drafts untouched for " + retention.toDays()
                    + " days").by("system", null));
        }
    }
}
