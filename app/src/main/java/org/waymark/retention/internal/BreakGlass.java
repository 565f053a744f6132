package org.waymark.retention.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.AccessRule;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.access.SecondFactor;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseRetention;
import org.waymark.retention.BreakGlassGranted;

/**
 * Break-glass: a caseworker who may not read a case (another council's, a police-only stage) asks for read access with
 * a reason and their second factor, and gets it for a limited time ({@code WAYMARK_BREAK_GLASS_DURATION}, 8 hours). The
 * data protection officers are told at once, and every grant waits in their review queue until one signs it off. As an
 * access rule it only ever permits reading, and only adds to what the other rules allow: a restricted or withheld case
 * stays denied (a DENY wins). Grants in force are held in memory (added on grant, and read again from the database at
 * most every {@link #REFRESH}, so a grant made on another node holds here within seconds), so the rule costs no query per
 * decision.
 */
@Service
class BreakGlass implements AccessRule<CaseFile> {

    static final Set<Role> MAY_ASK = EnumSet.of(Role.GATEWAY_OFFICER, Role.PREVENT_CASE_OFFICER, Role.CHANNEL_COORDINATOR, Role.CHANNEL_CHAIR,
            Role.MANAGER);

    private final BreakGlassStore store;
    private final CaseRetention cases;
    private final SecondFactor secondFactor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration duration;
    private final OfficerScope scope;
    static final Duration REFRESH = Duration.ofSeconds(5);
    private volatile Map<UUID, Map<UUID, Instant>> active = new ConcurrentHashMap<>();
    private volatile long loadedAt;
    private volatile boolean loaded;

    BreakGlass(BreakGlassStore store, CaseRetention cases, SecondFactor secondFactor, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock, @Value("${waymark.break-glass.duration:PT8H}") Duration duration, OfficerScope scope) {
        this.scope = scope;
        this.store = store;
        this.cases = cases;
        this.secondFactor = secondFactor;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.duration = duration;
    }

    @Override
    public Class<CaseFile> recordClass() {
        return CaseFile.class;
    }

    @Override
    public Decision decide(CurrentUser user, Action action, CaseFile file) {
        if (action != Action.READ || user == null || user.id() == null) {
            return Decision.ABSTAIN;
        }
        var expiry = grants().getOrDefault(user.id(), Map.of()).get(file.id());
        return expiry != null && Instant.now(clock).isBefore(expiry) ? Decision.PERMIT : Decision.ABSTAIN;
    }

    private Map<UUID, Map<UUID, Instant>> grants() {
        if (!loaded || System.nanoTime() - loadedAt > REFRESH.toNanos()) {
            synchronized (this) {
                if (!loaded || System.nanoTime() - loadedAt > REFRESH.toNanos()) {
                    var fresh = new ConcurrentHashMap<UUID, Map<UUID, Instant>>();
                    store.activeAt(Instant.now(clock)).forEach(g -> remember(fresh, g));
                    active = fresh;
                    loadedAt = System.nanoTime();
                    loaded = true;
                }
            }
        }
        return active;
    }

    private static void remember(Map<UUID, Map<UUID, Instant>> into, BreakGlassStore.Grant g) {
        into.computeIfAbsent(g.userId(), k -> new ConcurrentHashMap<>()).merge(g.caseId(), g.expiresAt(), (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Grants read access to the case with this reference, once the reason and the second factor are given. */
    @Transactional
    BreakGlassStore.Grant ask(CurrentUser user, String caseReference, String reason, String code) {
        if (MAY_ASK.stream().noneMatch(user::has)) {
            throw new RecordNotFoundException("BREAK_GLASS", "ask");
        }
        var errors = new FormErrors().text("breakGlass", "reason", reason, 2000, true);
        var caseId = caseReference == null || caseReference.isBlank() ? null : cases.caseOf(caseReference).orElse(null);
        if (caseId == null || cases.restricted(caseId)) {
            errors.add("caseReference", caseReference == null || caseReference.isBlank() ? "hold.caseReference.missing"
                    : "subjectAccess.caseReference.unknown");
        }
        if (code == null || code.isBlank()) {
            errors.add("code", "breakGlass.code.missing");
        }
        errors.throwIfAny();
        switch (secondFactor.confirm(user, code)) {
            case NOT_SET_UP -> throw new Conflict("conflict.breakGlass.noSecondFactor");
            case LOCKED -> new FormErrors().add("code", "breakGlass.code.locked").throwIfAny();
            case WRONG_CODE -> new FormErrors().add("code", "breakGlass.code.wrong").throwIfAny();
            case CONFIRMED -> { }
        }
        Instant now = Instant.now(clock);
        var grant = new BreakGlassStore.Grant(UUID.randomUUID(), caseId, user.id(), user.username(), user.organisationCode(), reason.strip(), now,
                now.plus(duration), null, null, null);
        store.insert(grant);
        remember(grants(), grant);
        audit.record(AuditEvent.of(AuditAction.CONSULTATION, "break-glass.granted").record("CASE", caseId).reason("grant " + grant.id()));
        String reference = cases.find(caseId).map(CaseRetention.Closed::reference).orElse(null);
        events.publishEvent(new BreakGlassGranted(grant.id(), caseId, reference, user.username(), user.organisationCode(), grant.expiresAt()));
        return grant;
    }

    /** Grants waiting for review, on the cases the officer answers for. */
    List<BreakGlassStore.Grant> unreviewed(CurrentUser officer) {
        return store.unreviewed().stream().filter(g -> scope.covers(officer, g.caseId())).toList();
    }

    List<BreakGlassStore.Grant> reviewed(CurrentUser officer) {
        return store.reviewed(100).stream().filter(g -> scope.covers(officer, g.caseId())).toList();
    }

    @Transactional
    BreakGlassStore.Grant review(CurrentUser user, UUID id, String note) {
        new FormErrors().text("breakGlass", "note", note, 2000, true).throwIfAny();
        var grant = store.find(id).filter(g -> scope.covers(user, g.caseId()))
                .orElseThrow(() -> new RecordNotFoundException("BREAK_GLASS", id.toString()));
        if (grant.userId().equals(user.id())) {
            throw new Conflict("conflict.breakGlass.ownReview");
        }
        if (!store.review(id, user.username(), Instant.now(clock), note.strip())) {
            throw new Conflict("conflict.breakGlass.reviewed");
        }
        audit.record(AuditEvent.of(AuditAction.ALTERATION, "break-glass.reviewed").record("CASE", grant.caseId()).reason("grant " + id));
        return store.find(id).orElseThrow();
    }
}
