package org.waymark.retention.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.referral.CaseRetention;
import org.waymark.referral.PersonalData;

/**
 * Carries out a decision to delete: every module erases what it holds about the case (and the person, when it was
 * their last), in one transaction, and the audit trail gains an erasure entry that says what went, when, by whom
 * and under which schedule, never the erased data. The audit chain itself is not touched, so it stays verifiable.
 */
@Service
class Erasures {

    private final CaseRetention cases;
    private final List<PersonalData> holders;
    private final RetentionStore store;
    private final AuditTrail audit;
    private final Clock clock;

    Erasures(CaseRetention cases, List<PersonalData> holders, RetentionStore store, AuditTrail audit, Clock clock) {
        this.cases = cases;
        this.holders = holders.stream().sorted(Comparator.comparingInt(PersonalData::erasureOrder)).toList();
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** What one erasure removed: cases (the reviewed one and further concerns joined to it) and, if the last, the person's records. */
    record Erased(int cases, int people) {
    }

    @Transactional
    Erased erase(RetentionStore.Review review, String by, String organisation) {
        var erasure = cases.erasureOf(review.caseId()).orElse(null);
        Instant now = Instant.now(clock);
        if (erasure == null) {
            // Erased already (a further concern erased with the case it joined): the review is done.
            store.erased(review.id(), now);
            return new Erased(0, 0);
        }
        holders.forEach(h -> h.erase(erasure));
        store.erased(review.id(), now);
        String what = erasure.caseIds().size() + " case(s)" + (erasure.wholePerson() ? " and " + erasure.personIds().size() + " person record(s)" : "");
        for (var caseId : erasure.caseIds()) {
            var event = AuditEvent.of(AuditAction.ERASURE, "case.erased").record("CASE", caseId)
                    .reason("retention review " + review.id() + " under " + review.rule().name() + ": " + what);
            audit.record(by == null ? event : event.by(by, organisation));
        }
        if (erasure.wholePerson()) {
            for (var personId : erasure.personIds()) {
                var event = AuditEvent.of(AuditAction.ERASURE, "person.erased").record("PERSON", personId).person(personId)
                        .reason("retention review " + review.id() + " under " + review.rule().name());
                audit.record(by == null ? event : event.by(by, organisation));
            }
        }
        return new Erased(erasure.caseIds().size(), erasure.wholePerson() ? erasure.personIds().size() : 0);
    }
}
