package org.waymark.programme.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.AccessDecisions;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.RecordNotFoundException;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.Cases;

/**
 * Community tensions and incidents: each area's tension assessments on the configurable scale (latest per area, by
 * force, and each area's history), the incident log, the public lines agreed for an incident with who approved them,
 * and, around an incident, the referrals per day in its area and the engagement and reassurance done after it.
 * An organisation's programme managers see their own; the Home Office's see every area, nationally and by force.
 */
@Service
class Tensions {

    /** A level of the tension scale (reference data: {@code programme_tension_scale}). */
    record Level(int level, String name, String description) {
    }

    record Assessment(UUID id, String organisationCode, String areaCode, int level, LocalDate assessedOn, String indicators, String sources,
            String reassurance, LocalDate reviewOn) {
    }

    record Incident(UUID id, String organisationCode, String title, LocalDate occurredOn, String areaCode, String description)
            implements ProgrammeRecords.OwnedByOrganisation {
        @Override
        public String recordType() {
            return "PROGRAMME_INCIDENT";
        }

        @Override
        public String recordId() {
            return id.toString();
        }
    }

    record PublicLine(UUID id, UUID incidentId, String line, String approvedBy, LocalDate approvedOn) {
    }

    private final TensionStore store;
    private final EngagementStore engagement;
    private final Cases cases;
    private final AccessDecisions access;
    private final Geography geography;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Tensions(TensionStore store, EngagementStore engagement, Cases cases, AccessDecisions access, Geography geography, AuditTrail audit,
            TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.engagement = engagement;
        this.cases = cases;
        this.access = access;
        this.geography = geography;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    record AssessmentForm(String areaCode, Integer level, String assessedOn, String indicators, String sources, String reassurance, String reviewOn) {
    }

    Assessment assess(CurrentUser user, AssessmentForm form) {
        Officers.requireManager(user);
        var errors = new FormErrors();
        String area = Officers.area(geography, errors, form.areaCode());
        if (form.level() == null || store.scale().stream().noneMatch(l -> l.level() == form.level())) {
            errors.add("level", "programme.tension.level.missing");
        }
        LocalDate assessed = form.assessedOn() == null || form.assessedOn().isBlank() ? LocalDate.now(clock) : Boards.date(errors, "assessedOn", form.assessedOn());
        LocalDate review = Boards.date(errors, "reviewOn", form.reviewOn());
        if (assessed != null && review != null && review.isBefore(assessed)) {
            errors.add("reviewOn", "programme.tension.review.beforeAssessment");
        }
        errors.text("programme.tension", "indicators", form.indicators(), 4000, true).text("programme.tension", "sources", form.sources(), 1000, true)
                .text("programme.tension", "reassurance", form.reassurance(), 4000, false);
        errors.throwIfAny();
        var assessment = new Assessment(UUID.randomUUID(), user.organisationCode(), area, form.level(), assessed, form.indicators().strip(),
                form.sources().strip(), Boards.blankToNull(form.reassurance()), review);
        transactions.executeWithoutResult(t -> {
            store.insert(assessment, user.username(), Instant.now(clock));
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "programme.tension.assessed").record("PROGRAMME_TENSION", area));
        });
        return assessment;
    }

    /** One line of the picture: an area's latest assessment, its force, and whether its review is overdue. */
    record Latest(String areaCode, String areaName, String forceArea, Assessment assessment, String levelName, boolean reviewOverdue) {
    }

    record Picture(List<Level> scale, List<Latest> latest, java.util.Map<String, List<Latest>> byForce) {
    }

    /** The latest level per area the caller sees, highest first, and the same grouped by force area (the regional view). */
    Picture picture(CurrentUser user) {
        Officers.requireManager(user);
        var scale = store.scale();
        LocalDate today = LocalDate.now(clock);
        var newest = new LinkedHashMap<String, Assessment>();
        for (var a : store.assessments(user.hasNationalScope() ? null : user.organisationCode(), null)) {
            newest.putIfAbsent(a.areaCode(), a);
        }
        var latest = new ArrayList<Latest>();
        newest.values().forEach(a -> latest.add(latest(a, scale, today)));
        latest.sort(Comparator.comparing((Latest l) -> -l.assessment().level()).thenComparing(Latest::areaCode));
        var byForce = new java.util.TreeMap<String, List<Latest>>();
        latest.forEach(l -> byForce.computeIfAbsent(l.forceArea(), k -> new ArrayList<>()).add(l));
        return new Picture(scale, latest, byForce);
    }

    record History(String areaCode, String areaName, List<Latest> assessments) {
    }

    History history(CurrentUser user, String areaCode) {
        Officers.requireManager(user);
        var scale = store.scale();
        LocalDate today = LocalDate.now(clock);
        var area = geography.area(areaCode == null ? "" : areaCode.strip().toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new RecordNotFoundException("PROGRAMME_TENSION", String.valueOf(areaCode)));
        var list = store.assessments(user.hasNationalScope() ? null : user.organisationCode(), area.code()).stream()
                .map(a -> latest(a, scale, today)).toList();
        return new History(area.code(), area.name(), list);
    }

    private Latest latest(Assessment a, List<Level> scale, LocalDate today) {
        var area = geography.area(a.areaCode());
        String name = scale.stream().filter(l -> l.level() == a.level()).map(Level::name).findFirst().orElse(String.valueOf(a.level()));
        return new Latest(a.areaCode(), area.map(x -> x.name()).orElse(a.areaCode()),
                area.map(x -> x.parentCode() == null ? x.code() : x.parentCode()).orElse(a.areaCode()), a, name, a.reviewOn().isBefore(today));
    }

    List<Incident> incidents(CurrentUser user) {
        Officers.requireManager(user);
        return store.incidents().stream().filter(i -> access.permits(user, Action.READ, i)).toList();
    }

    record IncidentForm(String title, String occurredOn, String areaCode, String description) {
    }

    Incident log(CurrentUser user, IncidentForm form) {
        Officers.requireManager(user);
        var errors = new FormErrors().text("programme.incident", "title", form.title(), Boards.TEXT, true)
                .text("programme.incident", "description", form.description(), 4000, true);
        String area = Officers.area(geography, errors, form.areaCode());
        LocalDate occurred = Boards.date(errors, "occurredOn", form.occurredOn());
        errors.throwIfAny();
        var incident = new Incident(UUID.randomUUID(), user.organisationCode(), form.title().strip(), occurred, area, form.description().strip());
        transactions.executeWithoutResult(t -> {
            store.insert(incident, user.username(), Instant.now(clock));
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "programme.incident.logged").record(incident.recordType(), incident.id()));
        });
        return incident;
    }

    /** An incident with its public lines, the referrals around it in its area, and the engagement and reassurance after it. */
    record IncidentView(Incident incident, List<PublicLine> lines, Surge surge, List<EngagementRecords.Event> engagementAfter,
            List<Assessment> reassuranceAfter) {
    }

    IncidentView incident(CurrentUser user, UUID id) {
        var incident = incident(user, id, Action.READ);
        LocalDate from = incident.occurredOn();
        var perDay = cases.receivedPerDay(incident.areaCode(), from.minusDays(Surge.DAYS), from.plusDays(Surge.DAYS - 1));
        String scope = user.hasNationalScope() ? null : user.organisationCode();
        var events = engagement.events(scope, incident.areaCode(), from);
        var reassurance = store.assessments(scope, incident.areaCode()).stream()
                .filter(a -> !a.assessedOn().isBefore(from) && a.reassurance() != null).toList();
        // The public lines name who approved them: reading them is a consultation.
        transactions.executeWithoutResult(t -> audit.record(AuditEvent.of(AuditAction.CONSULTATION, "programme.incident.viewed")
                .record(incident.recordType(), incident.id())));
        return new IncidentView(incident, store.lines(id), Surge.around(from, perDay), events, reassurance);
    }

    PublicLine agreeLine(CurrentUser user, UUID incidentId, String line, String approvedBy, String approvedOn) {
        var incident = incident(user, incidentId, Action.UPDATE);
        var errors = new FormErrors().text("programme.line", "line", line, 2000, true).text("programme.line", "approvedBy", approvedBy, Boards.TEXT, true);
        LocalDate on = approvedOn == null || approvedOn.isBlank() ? LocalDate.now(clock) : Boards.date(errors, "approvedOn", approvedOn);
        errors.throwIfAny();
        var agreed = new PublicLine(UUID.randomUUID(), incident.id(), line.strip(), approvedBy.strip(), on);
        transactions.executeWithoutResult(t -> {
            store.insert(agreed, user.username());
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "programme.incident.line.agreed").record(incident.recordType(), incident.id()));
        });
        return agreed;
    }

    private Incident incident(CurrentUser user, UUID id, Action action) {
        Officers.requireManager(user);
        var incident = store.incident(id).orElseThrow(() -> new RecordNotFoundException("PROGRAMME_INCIDENT", String.valueOf(id)));
        return access.require(user, action, incident);
    }
}
