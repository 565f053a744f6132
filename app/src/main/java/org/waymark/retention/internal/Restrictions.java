package org.waymark.retention.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseRetention;
import org.waymark.referral.PersonalData;
import org.waymark.storage.Rows;

/**
 * Restriction of processing (DPA 2018 ss.46-47): a case kept as evidence, or whose accuracy the person disputes, is
 * restricted instead of erased. While restricted only the data protection officer sees it (here, with everything
 * every module holds about it), nothing processes it, and it cannot be deleted; placing and lifting are recorded.
 */
@Service
class Restrictions {

    enum Ground { EVIDENCE, ACCURACY_DISPUTED }

    record Restriction(UUID id, UUID caseId, Ground ground, String reason, String placedBy, Instant placedAt, String liftedBy, Instant liftedAt,
            String liftReason) {
    }

    /** One restriction with the case's reference and, for the officer, what every module holds about the case. */
    record View(Restriction restriction, String caseReference, List<PersonalData.Held> held) {
    }

    private final JdbcClient jdbc;
    private final CaseRetention cases;
    private final List<PersonalData> holders;
    private final AuditTrail audit;
    private final Clock clock;

    Restrictions(JdbcClient jdbc, CaseRetention cases, List<PersonalData> holders, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.holders = holders;
        this.audit = audit;
        this.clock = clock;
    }

    List<Restriction> active() {
        return jdbc.sql("select * from case_restriction where lifted_at is null order by placed_at").query(Restrictions::row).list();
    }

    Optional<Restriction> activeOn(UUID caseId) {
        return jdbc.sql("select * from case_restriction where case_id = ? and lifted_at is null").param(caseId).query(Restrictions::row).optional();
    }

    @Transactional
    Restriction place(CurrentUser user, UUID caseId, String ground, String reason) {
        var errors = new FormErrors();
        Ground g = ground(ground, errors);
        errors.text("restriction", "reason", reason, 2000, true).throwIfAny();
        if (caseId == null || cases.find(caseId).isEmpty()) {
            throw new RecordNotFoundException("CASE", String.valueOf(caseId));
        }
        if (!cases.restrict(caseId, true)) {
            throw new Conflict("conflict.restriction.already");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into case_restriction (id, case_id, ground, reason, placed_by, placed_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, caseId, g.name(), reason.strip(), user.username(), Timestamp.from(Instant.now(clock))).update();
        audit.record(AuditEvent.of(AuditAction.ALTERATION, "case.restricted").record("CASE", caseId).reason(g.name()));
        return find(id);
    }

    @Transactional
    Restriction lift(CurrentUser user, UUID id, String reason) {
        new FormErrors().text("restriction", "reason", reason, 2000, true).throwIfAny();
        var restriction = find(id);
        if (restriction.liftedAt() != null || !cases.restrict(restriction.caseId(), false)) {
            throw new Conflict("conflict.restriction.lifted");
        }
        jdbc.sql("update case_restriction set lifted_by = ?, lifted_at = ?, lift_reason = ? where id = ? and lifted_at is null")
                .params(user.username(), Timestamp.from(Instant.now(clock)), reason.strip(), id).update();
        audit.record(AuditEvent.of(AuditAction.ALTERATION, "case.restriction-lifted").record("CASE", restriction.caseId()));
        return find(id);
    }

    /** The restriction and the record it restricts, as only the officer may see it: the read is audited. */
    @Transactional
    View view(UUID id) {
        var restriction = find(id);
        var held = new java.util.ArrayList<PersonalData.Held>();
        var personId = cases.personOfCase(restriction.caseId());
        if (personId.isPresent()) {
            UUID person = personId.get();
            holders.forEach(h -> held.addAll(h.export(person, List.of(restriction.caseId()))));
            audit.record(AuditEvent.of(AuditAction.CONSULTATION, "case.restricted-viewed").record("CASE", restriction.caseId()).person(person));
        }
        String reference = cases.find(restriction.caseId()).map(CaseRetention.Closed::reference).orElse(null);
        return new View(restriction, reference, held);
    }

    Restriction find(UUID id) {
        return jdbc.sql("select * from case_restriction where id = ?").param(id).query(Restrictions::row).optional()
                .orElseThrow(() -> new RecordNotFoundException("RESTRICTION", String.valueOf(id)));
    }

    /** Restrictions of these cases, for a person's subject access pack. */
    List<Restriction> of(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from case_restriction where case_id = any(?) order by placed_at").param(caseIds.toArray(UUID[]::new))
                .query(Restrictions::row).list();
    }

    private static Ground ground(String value, FormErrors errors) {
        try {
            return Ground.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("ground", "restriction.ground.missing");
            return null;
        }
    }

    private static Restriction row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Restriction(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), Ground.valueOf(rs.getString("ground")),
                rs.getString("reason"), rs.getString("placed_by"), Rows.instant(rs, "placed_at"), rs.getString("lifted_by"),
                Rows.instant(rs, "lifted_at"), rs.getString("lift_reason"));
    }
}
