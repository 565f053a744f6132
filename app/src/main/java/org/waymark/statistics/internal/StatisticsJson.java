package org.waymark.statistics.internal;

import org.waymark.statistics.internal.ReferralStatistics.Measure;
import org.waymark.statistics.internal.ReferralStatistics.Row;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API's answer for a period, as a JSON tree so that a suppressed count is written as {@code null} (everywhere
 * else the API leaves nulls out). Keys are the interface other tools rely on: see docs/api.md.
 */
final class StatisticsJson {

    private StatisticsJson() {
    }

    static ObjectNode of(JsonMapper mapper, ReferralStatistics s) {
        var root = mapper.createObjectNode();
        root.put("from", s.period().from().toString());
        root.put("to", s.period().to().toString());
        root.put("financialYear", s.period().year());
        if (s.period().quarter() == null) {
            root.putNull("quarter");
        } else {
            root.put("quarter", s.period().quarter());
        }
        var scope = root.putObject("area");
        text(scope, "code", s.scope().code());
        scope.put("name", s.scope().name());
        text(scope, "type", s.scope().type());
        root.put("typeOfConcernList", s.concernList());
        root.put("suppressionThreshold", s.threshold());
        var totals = root.putObject("totals");
        count(totals, "referrals", s.totals().referrals());
        count(totals, "discussedAtPanel", s.totals().discussedAtPanel());
        count(totals, "adopted", s.totals().adopted());
        count(totals, "repeatReferrals", s.totals().repeatReferrals());
        count(totals, "distinctPeople", s.totals().distinctPeople());
        var breakdowns = root.putObject("breakdowns");
        s.breakdowns().forEach((key, b) -> {
            var list = breakdowns.putArray(key);
            b.rows().forEach(r -> row(list.addObject(), r));
        });
        var stages = root.putObject("stages");
        count(stages, "policeLed", s.stages().policeLed());
        count(stages, "consentGiven", s.stages().consentGiven());
        count(stages, "consentRefused", s.stages().consentRefused());
        count(stages, "exited", s.stages().exited());
        var quarters = root.putArray("quarters");
        s.quarters().forEach(r -> row(quarters.addObject(), r));
        var timeliness = root.putObject("timeliness");
        measure(timeliness.putObject("referralToScreeningDecision"), s.timeliness().referralToScreeningDecision());
        measure(timeliness.putObject("screeningToFirstPanel"), s.timeliness().screeningToFirstPanel());
        measure(timeliness.putObject("panelToConsent"), s.timeliness().panelToConsent());
        timeliness.put("sessionsPlanned", s.timeliness().sessionsPlanned());
        timeliness.put("sessionsHeld", s.timeliness().sessionsHeld());
        equality(root, s);
        return root;
    }

    private static void equality(ObjectNode root, ReferralStatistics s) {
        var equality = root.putArray("equality");
        for (var e : s.equality()) {
            var o = equality.addObject();
            o.put("characteristic", e.characteristic());
            o.put("code", e.code());
            o.put("label", e.label());
            number(o, "referredShare", e.referredShare());
            number(o, "discussedShare", e.discussedShare());
            number(o, "adoptedShare", e.adoptedShare());
            number(o, "discussedRateRatio", e.discussedRatio());
            number(o, "adoptedRateRatio", e.adoptedRatio());
            o.put("outsideBand", e.flagged());
        }
    }

    private static void row(ObjectNode o, Row r) {
        o.put("code", r.code());
        o.put("label", r.label());
        count(o, "referrals", r.referrals());
        count(o, "discussedAtPanel", r.discussedAtPanel());
        count(o, "adopted", r.adopted());
    }

    private static void measure(ObjectNode o, Measure m) {
        number(o, "medianWorkingDays", m.median());
        if (m.p90() == null) {
            o.putNull("p90WorkingDays");
        } else {
            o.put("p90WorkingDays", m.p90());
        }
    }

    private static void count(ObjectNode o, String key, Long value) {
        if (value == null) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }

    private static void number(ObjectNode o, String key, Double value) {
        if (value == null) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }

    private static void text(ObjectNode o, String key, String value) {
        if (value == null) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }
}
