package org.waymark.programme.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.AccessDecisions;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.FormErrors;
import org.waymark.programme.internal.SurveyRecords.Question;
import org.waymark.programme.internal.SurveyRecords.Response;
import org.waymark.programme.internal.SurveyRecords.Wave;

/**
 * Community confidence surveys: waves, their responses imported from the supplier's file (a response already in the
 * wave is not added again), and indicators by area and segment against a baseline wave. Responses are anonymous; a
 * wave is its organisation's ({@link ProgrammeAccessRule}), and the Home Office's programme managers see every one.
 */
@Service
class Surveys {

    static final String ALL = "ALL";

    private final SurveyStore store;
    private final AccessDecisions access;
    private final Geography geography;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Surveys(SurveyStore store, AccessDecisions access, Geography geography, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.access = access;
        this.geography = geography;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    List<Wave> waves(CurrentUser user) {
        requireManager(user);
        return store.waves().stream().filter(w -> access.permits(user, Action.READ, w)).toList();
    }

    record WaveForm(String name, String fieldedOn) {
    }

    Wave create(CurrentUser user, WaveForm form) {
        requireManager(user);
        var errors = new FormErrors().text("programme.wave", "name", form.name(), Boards.TEXT, true);
        var fielded = Boards.date(errors, "fieldedOn", form.fieldedOn());
        errors.throwIfAny();
        var wave = new Wave(UUID.randomUUID(), form.name().strip(), user.organisationCode(), fielded, user.username(), Instant.now(clock));
        transactions.executeWithoutResult(t -> {
            store.insert(wave);
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "programme.survey.wave.created").record(wave.recordType(), wave.id()));
        });
        return wave;
    }

    ProgrammeRecords.Imported importCsv(CurrentUser user, UUID waveId, byte[] file) {
        var wave = wave(user, waveId, Action.UPDATE);
        List<Response> responses;
        try {
            responses = SurveyCsv.parse(new String(file, StandardCharsets.UTF_8), code -> geography.area(code).isPresent());
        } catch (FileRejected e) {
            throw new FormErrors.Invalid(new FormErrors().add("file", "programme.import.rejected", String.join("; ", e.problems)));
        }
        return transactions.execute(t -> {
            int added = 0;
            for (var r : responses) {
                added += store.insertOnce(wave.id(), r) ? 1 : 0;
            }
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "programme.survey.responses.imported").record(wave.recordType(), wave.id()));
            return new ProgrammeRecords.Imported(added, responses.size() - added);
        });
    }

    /**
     * A wave's indicators for every question: overall, by segment, by area, and by area and segment; each against the
     * same group in the baseline wave (null: none). {@code charts}: per question, the overall and by-segment figures
     * drawn as SVG.
     */
    record WaveView(Wave wave, Wave baseline, List<Wave> otherWaves, int responses, List<Indicator> overall, List<Indicator> bySegment,
            List<Indicator> byArea, List<Indicator> byAreaAndSegment, Map<Question, String> charts) {
    }

    WaveView view(CurrentUser user, UUID waveId, UUID baselineId) {
        var wave = wave(user, waveId, Action.READ);
        var others = waves(user).stream().filter(w -> !w.id().equals(wave.id())).toList();
        Wave baseline = baselineId == null
                ? others.stream().filter(w -> w.fieldedOn().isBefore(wave.fieldedOn())).min(Comparator.comparing(Wave::fieldedOn)).orElse(null)
                : wave(user, baselineId, Action.READ);
        var now = store.responses(wave.id());
        var before = baseline == null ? null : store.responses(baseline.id());
        var overall = new ArrayList<Indicator>();
        var bySegment = new ArrayList<Indicator>();
        var byArea = new ArrayList<Indicator>();
        var byBoth = new ArrayList<Indicator>();
        for (Question q : Question.values()) {
            overall.add(Indicator.of(ALL, ALL, q, now, before));
            groups(now, Response::group).forEach((g, rs) -> bySegment.add(Indicator.of(ALL, g, q, rs, select(before, r -> r.group().equals(g)))));
            groups(now, Response::areaCode).forEach((a, rs) -> byArea.add(Indicator.of(a, ALL, q, rs, select(before, r -> r.areaCode().equals(a)))));
            groups(now, r -> r.areaCode() + "|" + r.group()).forEach((k, rs) -> {
                String area = k.substring(0, k.indexOf('|'));
                String group = k.substring(k.indexOf('|') + 1);
                byBoth.add(Indicator.of(area, group, q, rs, select(before, r -> r.areaCode().equals(area) && r.group().equals(group))));
            });
        }
        var charts = new java.util.EnumMap<Question, String>(Question.class);
        for (Question q : Question.values()) {
            var rows = new ArrayList<Indicator>();
            overall.stream().filter(i -> i.question() == q).forEach(rows::add);
            bySegment.stream().filter(i -> i.question() == q).forEach(rows::add);
            charts.put(q, SurveyChart.svg("chart-" + q.name().toLowerCase(java.util.Locale.ROOT), q, rows, wave.name(),
                    baseline == null ? null : baseline.name()));
        }
        return new WaveView(wave, baseline, others, now.size(), overall, bySegment, byArea, byBoth, charts);
    }

    private Wave wave(CurrentUser user, UUID id, Action action) {
        requireManager(user);
        var wave = store.wave(id).orElseThrow(() -> new RecordNotFoundException("SURVEY_WAVE", String.valueOf(id)));
        return access.require(user, action, wave);
    }

    private static Map<String, List<Response>> groups(List<Response> responses, Function<Response, String> key) {
        return responses.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    private static List<Response> select(List<Response> responses, java.util.function.Predicate<Response> which) {
        return responses == null ? null : responses.stream().filter(which).toList();
    }

    private static void requireManager(CurrentUser user) {
        if (user == null || !user.has(Role.PROGRAMME_MANAGER)) {
            throw new RecordNotFoundException("SURVEY_WAVE", "any");
        }
    }
}
