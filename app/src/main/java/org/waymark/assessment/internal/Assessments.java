package org.waymark.assessment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.csv.Csv;
import org.waymark.govuk.FormErrors;
import org.waymark.referral.Cases;
import org.waymark.referral.IllegalMove;

/**
 * Assessment frameworks (versioned reference data, {@code reference/assessment-frameworks.csv}) and the
 * assessments made with them. A case keeps the version it was assessed with; a later version of a framework
 * is a new set of rows, never an edit of the old.
 */
@Service
@Transactional
class Assessments {

    enum Rating { NOT_PRESENT, SOME_EVIDENCE, STRONG_EVIDENCE, NOT_KNOWN }

    enum EvidenceKind { FACT, OPINION }

    record Factor(String dimension, String code, String text) {
    }

    record Framework(String name, String version, List<Factor> factors) {
    }

    record FactorForm(String code, String rating, String evidence, String evidenceKind) {
    }

    record AssessmentForm(String framework, String version, String summary, String managementPlan, String changesSinceLast,
            List<FactorForm> factors) {
    }

    record RatedFactor(String code, String dimension, String text, String rating, String evidence, String evidenceKind) {
    }

    record Assessment(UUID id, String framework, String version, String summary, String managementPlan, String changesSinceLast,
            String assessedBy, Instant assessedAt, List<RatedFactor> factors) {
    }

    private final Map<String, Framework> frameworks = new LinkedHashMap<>();
    private final JdbcClient jdbc;
    private final Cases cases;
    private final AuditTrail audit;
    private final Clock clock;

    Assessments(JdbcClient jdbc, Cases cases, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
        var factors = new LinkedHashMap<String, List<Factor>>();
        for (String[] row : Csv.resource("reference/assessment-frameworks.csv")) {
            factors.computeIfAbsent(row[0] + "/" + row[1], k -> new ArrayList<>()).add(new Factor(row[2], row[3], row[4]));
        }
        factors.forEach((key, list) -> {
            String[] parts = key.split("/");
            frameworks.put(key, new Framework(parts[0], parts[1], List.copyOf(list)));
        });
    }

    List<Framework> frameworks() {
        return List.copyOf(frameworks.values());
    }

    /** The framework new assessments use: the last version listed in the reference data. */
    Framework current() {
        return frameworks.values().stream().reduce((a, b) -> b).orElseThrow();
    }

    static boolean mayAssess(CurrentUser user) {
        return user.has(Role.GATEWAY_OFFICER) || user.has(Role.PREVENT_CASE_OFFICER) || user.has(Role.CHANNEL_COORDINATOR);
    }

    Framework framework(String name, String version) {
        return frameworks.get(name + "/" + version);
    }

    /** Each of the framework's factors as rated, with its evidence; every missing or unknown rating is an error. */
    private static List<RatedFactor> rate(Framework framework, AssessmentForm form, FormErrors errors) {
        var given = new HashMap<String, FactorForm>();
        if (form.factors() != null) {
            form.factors().stream().filter(f -> f != null && f.code() != null).forEach(f -> given.put(f.code().trim().toUpperCase(Locale.ROOT), f));
        }
        var rated = new ArrayList<RatedFactor>();
        if (framework == null) {
            return rated;
        }
        for (String code : given.keySet()) {
            if (framework.factors().stream().noneMatch(f -> f.code().equals(code))) {
                errors.add("factors", "assessment.factor.unknown", code);
            }
        }
        for (var factor : framework.factors()) {
            var r = rateOne(factor, given.get(factor.code()), errors);
            if (r != null) {
                rated.add(r);
            }
        }
        return rated;
    }

    static final int MOST_EVIDENCE = 4000;

    private static RatedFactor rateOne(Factor factor, FactorForm f, FormErrors errors) {
        String field = "factors." + factor.code();
        var rating = f == null ? null : org.waymark.govuk.Choices.parse(Rating.class, f.rating());
        if (rating == null) {
            errors.add(field, "assessment.factor.rating", factor.code());
            return null;
        }
        var kind = org.waymark.govuk.Choices.parse(EvidenceKind.class, f.evidenceKind());
        boolean evidenced = f.evidence() != null && !f.evidence().isBlank();
        if ((rating == Rating.SOME_EVIDENCE || rating == Rating.STRONG_EVIDENCE) && !evidenced) {
            errors.add(field, "assessment.factor.evidence", factor.code());
        } else if (evidenced && kind == null) {
            errors.add(field, "assessment.factor.kind", factor.code());
        } else if (evidenced && f.evidence().strip().length() > MOST_EVIDENCE) {
            errors.add(field, "form.tooLong", MOST_EVIDENCE);
        }
        return new RatedFactor(factor.code(), factor.dimension(), factor.text(), rating.name(), evidenced ? f.evidence().strip() : null,
                evidenced && kind != null ? kind.name() : null);
    }

    Assessment assess(CurrentUser user, UUID caseId, AssessmentForm form) {
        var errors = new FormErrors();
        var framework = form.framework() == null || form.version() == null ? null
                : framework(form.framework().trim().toUpperCase(Locale.ROOT), form.version().trim());
        if (framework == null) {
            errors.add("framework", "assessment.framework.unknown");
        }
        errors.text("assessment", "summary", form.summary(), 10000, true);
        errors.text("assessment", "managementPlan", form.managementPlan(), 10000, false);
        errors.text("assessment", "changesSinceLast", form.changesSinceLast(), 10000, false);
        var rated = rate(framework, form, errors);
        var file = cases.require(user, Action.UPDATE, caseId);
        if (!mayAssess(user)) {
            throw new RecordNotFoundException("CASE", caseId.toString());
        }
        if (file.stage().isFinal()) {
            throw new IllegalMove(file.stage(), "assessment");
        }
        if (!assessments(caseId).isEmpty() && (form.changesSinceLast() == null || form.changesSinceLast().isBlank())) {
            errors.add("changesSinceLast", "assessment.changesSinceLast.missing");
        }
        if (!errors.isEmpty()) {
            throw new FormErrors.Invalid(errors);
        }
        var assessment = new Assessment(UUID.randomUUID(), framework.name(), framework.version(), form.summary().strip(),
                clean(form.managementPlan()), clean(form.changesSinceLast()), user.username(), Instant.now(clock), rated);
        jdbc.sql("insert into assessment (id, case_id, framework, framework_version, summary, management_plan, changes_since_last, "
                        + "assessed_by, assessed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(assessment.id(), caseId, assessment.framework(), assessment.version(), assessment.summary(),
                        assessment.managementPlan(), assessment.changesSinceLast(), user.username(), Timestamp.from(assessment.assessedAt()))
                .update();
        for (var r : rated) {
            jdbc.sql("insert into assessment_factor (assessment_id, factor_code, rating, evidence, evidence_kind) values (?, ?, ?, ?, ?)")
                    .params(assessment.id(), r.code(), r.rating(), r.evidence(), r.evidenceKind()).update();
        }
        cases.milestone(caseId, org.waymark.referral.MilestoneKind.ASSESSED, user, framework.name() + " " + framework.version());
        audit.record(AuditEvent.of(AuditAction.COLLECTION, "assessment.recorded").record("CASE", caseId).person(file.personId()));
        return assessment;
    }

    @Transactional(readOnly = true)
    List<Assessment> assessments(UUID caseId) {
        var out = new ArrayList<Assessment>();
        var rows = jdbc.sql("select id, framework, framework_version, summary, management_plan, changes_since_last, assessed_by, assessed_at "
                        + "from assessment where case_id = ? order by assessed_at desc")
                .param(caseId).query((rs, n) -> new Assessment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), List.of())).list();
        for (var a : rows) {
            var framework = framework(a.framework(), a.version());
            var factors = jdbc.sql("select factor_code, rating, evidence, evidence_kind from assessment_factor where assessment_id = ?")
                    .param(a.id()).query((rs, n) -> {
                        String code = rs.getString(1);
                        var factor = framework == null ? null : framework.factors().stream().filter(f -> f.code().equals(code)).findFirst().orElse(null);
                        return new RatedFactor(code, factor == null ? null : factor.dimension(), factor == null ? code : factor.text(),
                                rs.getString(2), rs.getString(3), rs.getString(4));
                    }).list();
            var ordered = new ArrayList<>(factors);
            if (framework != null) {
                var order = framework.factors().stream().map(Factor::code).toList();
                ordered.sort(java.util.Comparator.comparingInt(f -> order.indexOf(f.code())));
            }
            out.add(new Assessment(a.id(), a.framework(), a.version(), a.summary(), a.managementPlan(), a.changesSinceLast(), a.assessedBy(),
                    a.assessedAt(), ordered));
        }
        return out;
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
