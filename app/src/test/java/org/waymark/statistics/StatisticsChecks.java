package org.waymark.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import tools.jackson.databind.JsonNode;

/** Compares what Waymark published with the generator's true counts, and reads the published files. */
final class StatisticsChecks {

    static final List<String> MEASURES = List.of("referrals", "discussedAtPanel", "adopted");
    static final Map<String, Integer> CATEGORIES = Map.of("sector", 9, "typeOfConcern", 9, "ageGroup", 10, "gender", 3, "ethnicity", 6,
            "mentalHealthOrNeurodiversity", 2, "screeningOutcome", 4, "localAuthority", 318, "policeForceArea", 43, "ctpRegion", 9);

    private StatisticsChecks() {
    }

    /** The true count of one category: the generator keys text categories by label and areas and flags by code. */
    static long truth(JsonNode year, String breakdown, String code, String label, String measure) {
        JsonNode categories = year.get("breakdowns").get(breakdown);
        JsonNode c = categories.has(label) ? categories.get(label) : categories.get(code);
        return c == null ? 0 : c.get(measure).asLong();
    }

    /** Every breakdown of the API's answer equals the truth, every category listed; returns how many counts were compared. */
    static int sameAsTruth(JsonNode answer, JsonNode year) {
        for (String m : List.of("referrals", "discussedAtPanel", "adopted", "repeatReferrals", "distinctPeople")) {
            assertThat(answer.get("totals").get(m).asLong()).as("totals." + m).isEqualTo(year.get("totals").get(m).asLong());
        }
        int compared = 0;
        for (var e : CATEGORIES.entrySet()) {
            JsonNode rows = answer.get("breakdowns").get(e.getKey());
            assertThat(rows.size()).as(e.getKey() + " lists every category, zeros included").isEqualTo(e.getValue());
            for (JsonNode r : rows) {
                for (String m : MEASURES) {
                    assertThat(r.get(m).asLong()).as(e.getKey() + " " + r.get("label").asString() + " " + m)
                            .isEqualTo(truth(year, e.getKey(), r.get("code").asString(), r.get("label").asString(), m));
                    compared++;
                }
            }
        }
        JsonNode t = answer.get("timeliness").get("referralToScreeningDecision");
        JsonNode truth = year.get("timeliness").get("referralToScreeningDecision");
        assertThat(t.get("medianWorkingDays").asDouble()).isEqualTo(truth.get("medianWorkingDays").asDouble());
        assertThat(t.get("p90WorkingDays").asInt()).isEqualTo(truth.get("p90WorkingDays").asInt());
        return compared;
    }

    static List<CSVRecord> csv(String text) {
        try (var parser = CSVFormat.RFC4180.parse(new java.io.StringReader(text))) {
            return parser.getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The download's rows as (table, code) → the three counts as text. */
    static Map<String, List<String>> csvCounts(String text) {
        var out = new HashMap<String, List<String>>();
        var records = csv(text);
        assertThat(records.get(0).toList()).containsExactly("table", "code", "label", "referrals", "discussedAtPanel", "adopted");
        for (CSVRecord r : records.subList(1, records.size())) {
            out.put(r.get(0) + "/" + r.get(1), List.of(r.get(3), r.get(4), r.get(5)));
        }
        return out;
    }

    /** A breakdown sheet as LibreOffice saw it: code → the three counts, after checking its title is in A1. */
    static Map<String, List<String>> sheetCounts(String sheetCsv, String titleStart) {
        var records = csv(sheetCsv);
        assertThat(records.get(0).get(0)).startsWith(titleStart);
        var out = new HashMap<String, List<String>>();
        for (CSVRecord r : records.subList(2, records.size())) {
            assertThat(r.toList()).as("no blank rows").anyMatch(v -> !v.isBlank());
            out.put(r.get(0), List.of(r.get(2), r.get(3), r.get(4)));
        }
        return out;
    }

    /** Every suppressed (null) count of an answer with the group it belongs to: the attacker's view. */
    static List<String> recoverable(JsonNode answer, Map<String, String> parentOf, int threshold) {
        var found = new ArrayList<String>();
        JsonNode totals = answer.get("totals");
        for (String m : MEASURES) {
            Long total = value(totals.get(m));
            for (String key : List.of("sector", "typeOfConcern", "ageGroup", "gender", "ethnicity", "mentalHealthOrNeurodiversity",
                    "screeningOutcome", "ctpRegion")) {
                check(found, key + "/" + m, cells(answer.get("breakdowns").get(key), m), total, threshold);
            }
            if (answer.get("quarters").size() > 0) {
                check(found, "quarters/" + m, cells(answer.get("quarters"), m), total, threshold);
            }
            for (String[] level : List.of(new String[] {"localAuthority", "policeForceArea"}, new String[] {"policeForceArea", "ctpRegion"})) {
                var parents = new HashMap<String, Long>();
                var hasParent = new HashMap<String, Boolean>();
                answer.get("breakdowns").get(level[1]).forEach(p -> {
                    parents.put(p.get("code").asString(), value(p.get(m)));
                    hasParent.put(p.get("code").asString(), true);
                });
                var children = new HashMap<String, List<Long>>();
                answer.get("breakdowns").get(level[0]).forEach(c -> children.computeIfAbsent(parentOf.get(c.get("code").asString()),
                        k -> new ArrayList<>()).add(value(c.get(m))));
                children.forEach((parent, cells) -> {
                    if (hasParent.containsKey(parent)) {
                        check(found, level[0] + " in " + parent + "/" + m, cells, parents.get(parent), threshold);
                    }
                });
            }
        }
        return found;
    }

    private static List<Long> cells(JsonNode rows, String m) {
        var out = new ArrayList<Long>();
        rows.forEach(r -> out.add(value(r.get(m))));
        return out;
    }

    private static Long value(JsonNode n) {
        return n == null || n.isNull() ? null : n.asLong();
    }

    /**
     * Knowing the total and that a suppressed count is at least 1 (and, if only small counts were hidden, at most
     * threshold - 1), a suppressed count is recovered when it is the only one hidden, or when the bounds pin every one.
     */
    private static void check(List<String> found, String name, List<Long> cells, Long total, int threshold) {
        if (total == null) {
            return;
        }
        long hidden = cells.stream().filter(c -> c == null).count();
        long shown = cells.stream().filter(c -> c != null).mapToLong(Long::longValue).sum();
        if (hidden == 1) {
            found.add(name + ": the one suppressed count is " + (total - shown) + " or less");
        } else if (hidden > 1 && total - shown == hidden) {
            found.add(name + ": the " + hidden + " suppressed counts must each be 1");
        } else if (hidden > 1 && total - shown == hidden * (threshold - 1)) {
            found.add(name + ": if only small counts are hidden, the " + hidden + " suppressed counts must each be " + (threshold - 1));
        }
    }
}
