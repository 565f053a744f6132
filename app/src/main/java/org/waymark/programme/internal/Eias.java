package org.waymark.programme.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.AccessDecisions;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Choices;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.govuk.Printout;

/**
 * Equality impact assessments of the programme: for each protected characteristic the evidence and the impact found,
 * mitigations as actions on a board's tracker, and a sign-off with a review date, refused until every characteristic
 * has a finding; a finding changed after sign-off clears it. An assessment is its organisation's.
 */
@Service
class Eias {

    /** The Equality Act 2010's protected characteristics. */
    enum Characteristic { AGE, DISABILITY, GENDER_REASSIGNMENT, MARRIAGE_AND_CIVIL_PARTNERSHIP, PREGNANCY_AND_MATERNITY, RACE, RELIGION_OR_BELIEF, SEX,
        SEXUAL_ORIENTATION }

    enum Impact { POSITIVE, NEUTRAL, NEGATIVE, NOT_KNOWN }

    record Eia(UUID id, String organisationCode, String title, String scope, String signedOffBy, LocalDate signedOffOn, LocalDate reviewOn)
            implements ProgrammeRecords.OwnedByOrganisation {
        @Override
        public String recordType() {
            return "PROGRAMME_EIA";
        }

        @Override
        public String recordId() {
            return id.toString();
        }
    }

    record Finding(Characteristic characteristic, String evidence, Impact impact) {
    }

    private final EiaStore store;
    private final org.waymark.statistics.AreaFigures figures;
    private final SurveyStore surveys;
    private final Boards boards;
    private final ProgrammeStore programme;
    private final AccessDecisions access;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Eias(EiaStore store, org.waymark.statistics.AreaFigures figures, SurveyStore surveys, Boards boards, ProgrammeStore programme,
            AccessDecisions access, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.figures = figures;
        this.surveys = surveys;
        this.boards = boards;
        this.programme = programme;
        this.access = access;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    List<Eia> eias(CurrentUser user) {
        Officers.requireManager(user);
        return store.eias().stream().filter(e -> access.permits(user, Action.READ, e)).toList();
    }

    Eia create(CurrentUser user, String title, String scope) {
        Officers.requireManager(user);
        new FormErrors().text("programme.eia", "title", title, Boards.TEXT, true).text("programme.eia", "scope", scope, 2000, true).throwIfAny();
        var eia = new Eia(UUID.randomUUID(), user.organisationCode(), title.strip(), scope.strip(), null, null, null);
        transactions.executeWithoutResult(t -> {
            store.insert(eia, user.username(), Instant.now(clock));
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "programme.eia.created").record(eia.recordType(), eia.id()));
        });
        return eia;
    }

    /** One characteristic as assessed: its finding (null: not yet) and its mitigations as the tracker has them. */
    record Line(Characteristic characteristic, Finding finding, List<Boards.Tracked> mitigations) {
    }

    /**
     * @param equality the statistics' equality monitoring for the caller's area this financial year (empty without an area)
     * @param segments favourability by survey segment in the organisation's latest wave, against the wave before it
     */
    record EiaView(Eia eia, List<Line> lines, boolean complete, List<ProgrammeRecords.Board> boards,
            List<org.waymark.statistics.AreaFigures.EqualityLine> equality, String wave, List<Indicator> segments) {
    }

    EiaView view(CurrentUser user, UUID id) {
        var eia = eia(user, id, Action.READ);
        Map<Characteristic, Finding> findings = new EnumMap<>(Characteristic.class);
        store.findings(id).forEach(f -> findings.put(f.characteristic(), f));
        Map<Characteristic, List<Boards.Tracked>> mitigations = new EnumMap<>(Characteristic.class);
        LocalDate today = LocalDate.now(clock);
        for (String[] link : store.actions(id)) {
            programme.action(UUID.fromString(link[1])).ifPresent(a -> mitigations.computeIfAbsent(Characteristic.valueOf(link[0]), k -> new ArrayList<>())
                    .add(new Boards.Tracked(programme.board(a.boardId()).orElseThrow(), a, a.overdue(today))));
        }
        var lines = java.util.Arrays.stream(Characteristic.values())
                .map(c -> new Line(c, findings.get(c), mitigations.getOrDefault(c, List.of()))).toList();
        // Action owners are people: reading them is a consultation.
        transactions.executeWithoutResult(t -> audit.record(AuditEvent.of(AuditAction.CONSULTATION, "programme.eia.viewed").record(eia.recordType(), eia.id())));
        List<org.waymark.statistics.AreaFigures.EqualityLine> equality = List.of();
        if (user.areaCode() != null) {
            try {
                equality = figures.of(user.areaCode(), null, null).equality();
            } catch (FormErrors.Invalid noFigures) {
                equality = List.of();
            }
        }
        var waves = surveys.waves().stream().filter(w -> w.organisationCode().equals(eia.organisationCode())).toList();
        String wave = waves.isEmpty() ? null : waves.get(waves.size() - 1).name();
        List<Indicator> segments = List.of();
        if (!waves.isEmpty()) {
            var now = surveys.responses(waves.get(waves.size() - 1).id());
            var before = waves.size() > 1 ? surveys.responses(waves.get(waves.size() - 2).id()) : null;
            segments = now.stream().map(SurveyRecords.Response::group).distinct().sorted()
                    .map(g -> Indicator.of(Surveys.ALL, g, SurveyRecords.Question.FAVOURABILITY, now.stream().filter(r -> r.group().equals(g)).toList(),
                            before == null ? null : before.stream().filter(r -> r.group().equals(g)).toList())).toList();
        }
        return new EiaView(eia, lines, findings.size() == Characteristic.values().length, boards.boards(user), equality, wave, segments);
    }

    void find(CurrentUser user, UUID id, String characteristic, String evidence, String impact) {
        var eia = eia(user, id, Action.UPDATE);
        var errors = new FormErrors();
        var c = Choices.parse(Characteristic.class, characteristic);
        if (c == null) {
            errors.add("characteristic", "programme.eia.characteristic.missing");
        }
        var i = Choices.parse(Impact.class, impact);
        if (i == null) {
            errors.add("impact", "programme.eia.impact.missing");
        }
        errors.text("programme.eia", "evidence", evidence, 4000, true).throwIfAny();
        transactions.executeWithoutResult(t -> {
            store.finding(eia.id(), c, evidence.strip(), i, user.username(), Instant.now(clock));
            audit.record(AuditEvent.of(AuditAction.ALTERATION, "programme.eia.finding").record(eia.recordType(), eia.id()));
        });
    }

    ProgrammeRecords.Action mitigate(CurrentUser user, UUID id, String characteristic, String boardId, Boards.ActionForm form) {
        var eia = eia(user, id, Action.UPDATE);
        var errors = new FormErrors();
        var c = Choices.parse(Characteristic.class, characteristic);
        if (c == null) {
            errors.add("characteristic", "programme.eia.characteristic.missing");
        }
        UUID board = Boards.uuid(boardId);
        if (board == null) {
            errors.add("boardId", "programme.lesson.board.missing");
        }
        errors.throwIfAny();
        return transactions.execute(t -> {
            var action = boards.raise(user, board, form);
            store.link(eia.id(), c, action.id());
            return action;
        });
    }

    /** Signs the assessment off: refused (409) while any characteristic has no finding. */
    void signOff(CurrentUser user, UUID id, String signedOffBy, String reviewOn) {
        var eia = eia(user, id, Action.UPDATE);
        var errors = new FormErrors().text("programme.eia", "signedOffBy", signedOffBy, Boards.TEXT, true);
        LocalDate review = Boards.date(errors, "reviewOn", reviewOn);
        if (review != null && !review.isAfter(LocalDate.now(clock))) {
            errors.add("reviewOn", "programme.eia.review.future");
        }
        errors.throwIfAny();
        int missing = Characteristic.values().length - store.findings(id).size();
        if (missing > 0) {
            throw new Conflict("conflict.programme.eia.incomplete", missing);
        }
        transactions.executeWithoutResult(t -> {
            store.signOff(eia.id(), signedOffBy.strip(), LocalDate.now(clock), review);
            audit.record(AuditEvent.of(AuditAction.ALTERATION, "programme.eia.signed-off").record(eia.recordType(), eia.id()));
        });
    }

    /** The assessment as a printable PDF. */
    static byte[] pdf(EiaView v) {
        var doc = Printout.marked("Equality impact assessment: " + v.eia().title(), "OFFICIAL").field("Organisation", v.eia().organisationCode())
                .field("Scope", v.eia().scope()).field("Signed off by", v.eia().signedOffBy() == null ? "not signed off" : v.eia().signedOffBy())
                .field("Signed off on", v.eia().signedOffOn()).field("Review by", v.eia().reviewOn());
        for (var line : v.lines()) {
            doc.heading(line.characteristic().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT));
            if (line.finding() == null) {
                doc.text("Not yet assessed.");
                continue;
            }
            doc.field("Impact", line.finding().impact().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT)).text(line.finding().evidence());
            line.mitigations().forEach(m -> doc.text("Mitigation " + m.action().number() + ": " + m.action().title() + ", due " + m.action().dueOn()
                    + ", " + m.action().status().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return doc.pdf();
    }

    private Eia eia(CurrentUser user, UUID id, Action action) {
        Officers.requireManager(user);
        var eia = store.eia(id).orElseThrow(() -> new RecordNotFoundException("PROGRAMME_EIA", String.valueOf(id)));
        return access.require(user, action, eia);
    }
}
