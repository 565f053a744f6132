package org.waymark.retention.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.referral.CaseFixtures;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

import tools.jackson.databind.JsonNode;

/**
 * Subject access (issue 15): a person with two person records (merged) and two cases, one taken to support through
 * every module; the officer's pack holds every row of every table that names either case or either record, each
 * table's count checked against the database itself, so a table added later without an export fails here. Third
 * parties' data and opinions are marked, an exemption is recorded per item, the clock is extended, paused and resumed,
 * the pack comes as JSON and PDF, and producing it is a recorded disclosure.
 */
class SubjectAccessIntegrationTest extends IntegrationTest {

    /** Tables that name a case or a person but are not in a pack, and why. */
    private static final Map<String, String> NOT_IN_PACK = Map.of(
            "person_block_key", "64-bit hashes of blocking keys: nothing a person could read",
            "statistical_record", "the anonymised statistical record, about no one",
            "subject_access_event", "the request's own clock and exemptions, in the pack's history");

    @Autowired
    ApplicationContext context;

    @Test
    void thePackHoldsEveryRecordAboutThePersonMarkedForReviewAndIsARecordedDisclosure() throws Exception {
        var people = new CaseFixtures(context, baseUrl());
        String surname = "Sartorius-" + people.suffix;
        var supported = people.inSupport("Quillon", surname);
        String dob = LocalDate.now().minusYears(15).minusDays(40).toString();
        var second = CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(), CaseFixtures.referral("Quillon", "Sartori-" + people.suffix, dob));
        assertThat(second.statusCode()).isEqualTo(201);
        String secondCase = CaseFixtures.json(second).get("id").asString();
        UUID first = personOf(UUID.fromString(supported.caseId()));
        UUID merged = personOf(UUID.fromString(secondCase));
        assertThat(merged).isNotEqualTo(first);
        var merge = people.gateway.postJson("/api/v1/people/" + merged + "/merge", "{\"into\": \"" + first + "\", \"reason\": \"Same person, misspelt\"}");
        assertThat(merge.statusCode()).as(merge.body()).isEqualTo(201);

        // A token that outlives the ten days the clock is moved while the request is paused.
        var dpo = new TestHttp(baseUrl()).bearer(AccessFixtures.token(context,
                AccessFixtures.createUser(context, "sar.dpo." + people.suffix, Role.DPO, "HOME-OFFICE", null), 30));
        assertThat(dpo.postJson("/api/v1/subject-access-requests", "{}").statusCode()).isEqualTo(400);
        assertThat(dpo.postJson("/api/v1/subject-access-requests", "{\"personId\": \"" + UUID.randomUUID() + "\"}").statusCode()).isEqualTo(404);
        // Asked about the merged record: the request is about the person as they are now.
        var created = dpo.postJson("/api/v1/subject-access-requests", "{\"personId\": \"" + merged + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode request = CaseFixtures.json(created);
        String id = request.get("id").asString();
        assertThat(request.get("personId").asString()).isEqualTo(first.toString());
        LocalDate received = LocalDate.parse(request.get("receivedOn").asString());
        assertThat(request.get("dueOn").asString()).isEqualTo(received.plusMonths(1).toString());
        assertThat(people.coordinator.get("/api/v1/subject-access-requests/" + id + "/pack").statusCode()).isEqualTo(404);
        // A council's officer answers for people with a case in their area: Camden's does, Hartlepool's does not.
        var camdenDpo = AccessFixtures.apiClient(context, baseUrl(), "sar.camden.dpo." + people.suffix, Role.DPO,
                "LA-" + CaseFixtures.CAMDEN, CaseFixtures.CAMDEN);
        var hartlepoolDpo = AccessFixtures.apiClient(context, baseUrl(), "sar.hartlepool.dpo." + people.suffix, Role.DPO,
                "LA-" + CaseFixtures.HARTLEPOOL, CaseFixtures.HARTLEPOOL);
        assertThat(camdenDpo.get("/api/v1/subject-access-requests/" + id).statusCode()).isEqualTo(200);
        assertThat(hartlepoolDpo.get("/api/v1/subject-access-requests/" + id).statusCode()).isEqualTo(404);
        assertThat(hartlepoolDpo.get("/api/v1/subject-access-requests").body()).doesNotContain(id);
        assertThat(hartlepoolDpo.postJson("/api/v1/subject-access-requests", "{\"personId\": \"" + first + "\"}").statusCode()).isEqualTo(404);

        var cases = List.of(UUID.fromString(supported.caseId()), UUID.fromString(secondCase));
        // Counted before the pack is produced: producing it adds a disclosure to each case's log.
        var expected = heldInTheDatabase(cases, Set.of(first, merged));
        var packResponse = dpo.get("/api/v1/subject-access-requests/" + id + "/pack");
        assertThat(packResponse.statusCode()).as(packResponse.body()).isEqualTo(200);
        JsonNode pack = CaseFixtures.json(packResponse);
        assertThat(pack.get("cases").findValuesAsString("reference")).containsExactlyInAnyOrder(supported.reference(),
                CaseFixtures.json(second).get("reference").asString());
        var counted = new HashMap<String, Integer>();
        pack.get("items").forEach(i -> counted.merge(i.get("kind").asString(), 1, Integer::sum));
        assertThat(counted).as("every row naming the cases or the person records, table by table").isEqualTo(expected);
        assertThat(expected.keySet()).contains("person", "referral", "screening_decision", "assessment", "consent_record", "intervention",
                "person_linkage_record", "person_merge", "subject_access_request", "case_milestone");

        JsonNode referral = item(pack, "referral", supported.caseId());
        assertThat(referral.get("fields").get("surname").asString()).isEqualTo(surname);
        assertThat(strings(referral.get("thirdParty"))).contains("referrer_name", "referrer_email");
        assertThat(strings(referral.get("opinion"))).contains("concern");

        // An exemption is recorded against one item; an item not in the pack is refused.
        String decisionId = item(pack, "screening_decision", null).get("id").asString();
        var exemption = dpo.postJson("/api/v1/subject-access-requests/" + id + "/exemptions", """
                {"itemKind": "screening_decision", "itemId": "%s", "exemption": "s.45(4)(b)", "reason": "Would prejudice the prevention of crime"}"""
                .formatted(decisionId));
        assertThat(exemption.statusCode()).as(exemption.body()).isEqualTo(201);
        assertThat(dpo.postJson("/api/v1/subject-access-requests/" + id + "/exemptions", """
                {"itemKind": "screening_decision", "itemId": "%s", "exemption": "s.45(4)(b)", "reason": "x"}""".formatted(UUID.randomUUID()))
                .statusCode()).isEqualTo(400);
        JsonNode exempted = item(CaseFixtures.json(dpo.get("/api/v1/subject-access-requests/" + id + "/pack")), "screening_decision", decisionId);
        assertThat(exempted.get("exemption").get("exemption").asString()).isEqualTo("s.45(4)(b)");

        // The clock: extended once, by at most two months; paused and resumed, the pause added to the deadline.
        String clockPath = "/api/v1/subject-access-requests/" + id + "/clock";
        assertThat(dpo.postJson(clockPath, "{\"action\": \"EXTEND\", \"months\": 3, \"reason\": \"Complex\"}").statusCode()).isEqualTo(400);
        var extended = dpo.postJson(clockPath, "{\"action\": \"EXTEND\", \"months\": 2, \"reason\": \"Complex: many records\"}");
        assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
        LocalDate due = received.plusMonths(1).plusMonths(2);
        assertThat(CaseFixtures.json(extended).get("dueOn").asString()).isEqualTo(due.toString());
        assertThat(dpo.postJson(clockPath, "{\"action\": \"EXTEND\", \"months\": 1, \"reason\": \"Again\"}").statusCode()).isEqualTo(409);
        assertThat(dpo.postJson(clockPath, "{\"action\": \"PAUSE\", \"reason\": \"Asked which years the request covers\"}").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofDays(10));
        var resumed = dpo.postJson(clockPath, "{\"action\": \"RESUME\", \"reason\": \"Answer received\"}");
        assertThat(CaseFixtures.json(resumed).get("dueOn").asString()).isEqualTo(due.plusDays(10).toString());
        var history = CaseFixtures.json(dpo.get("/api/v1/subject-access-requests/" + id)).get("history").findValuesAsString("kind");
        assertThat(history).containsExactly("EXEMPTION", "EXTENDED", "PAUSED", "RESUMED");

        // The PDF holds the same pack; producing it is a disclosure on each case and in the audit trail.
        var pdf = dpo.getBytes("/api/v1/subject-access-requests/" + id + "/pack.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(surname).contains("Sartori-" + people.suffix).contains(supported.reference())
                    .contains("Review before disclosure").contains("Exemption: s.45(4)(b)").contains("OFFICIAL-SENSITIVE");
        }
        for (UUID caseId : cases) {
            assertThat(jdbc.sql("select count(*) from case_disclosure where case_id = ? and recipient = ?").params(caseId, SubjectAccessPacks.RECIPIENT)
                    .query(Long.class).single()).as("recorded once per case, however often the pack is produced").isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'subject-access.pack' and record_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(3);

        assertThat(dpo.postJson("/api/v1/subject-access-requests/" + id + "/complete", "{}").statusCode()).isEqualTo(200);
        assertThat(dpo.postJson("/api/v1/subject-access-requests/" + id + "/complete", "{}").statusCode()).isEqualTo(409);
    }

    private UUID personOf(UUID caseId) {
        return jdbc.sql("select person_id from prevent_case where id = ?").param(caseId).query(UUID.class).single();
    }

    /** Table by table, the rows that name these cases (case_id, or a session's intervention's case) or person records. */
    private Map<String, Integer> heldInTheDatabase(List<UUID> cases, Set<UUID> personIds) {
        var out = new HashMap<String, Integer>();
        var columns = jdbc.sql("select lower(table_name), lower(column_name) from information_schema.columns where lower(table_schema) = "
                + "lower(current_schema)").query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).list();
        var ids = cases.toArray(UUID[]::new);
        var people = personIds.toArray(UUID[]::new);
        for (var column : columns) {
            String table = column.get(0);
            String sql = switch (column.get(1)) {
                case "case_id" -> "select count(*) from " + table + " where case_id = any(?)";
                case "person_id" -> table.equals("person_linkage_record") || table.equals("prevent_case") ? null
                        : "select count(*) from " + table + " where person_id = any(?)";
                default -> null;
            };
            if (sql == null || NOT_IN_PACK.containsKey(table) || table.startsWith("flyway") || table.equals("audit_entry")) {
                continue;
            }
            long count = jdbc.sql(sql).param(column.get(1).equals("case_id") ? ids : people).query(Long.class).single();
            if (count > 0) {
                out.merge(table, (int) count, Integer::sum);
            }
        }
        out.merge("prevent_case", cases.size(), Integer::sum);
        out.merge("person", (int) (long) jdbc.sql("select count(*) from person where id = any(?)").param(people).query(Long.class).single(), Integer::sum);
        out.merge("intervention_session", (int) (long) jdbc.sql("select count(*) from intervention_session s join intervention i on i.id = "
                + "s.intervention_id where i.case_id = any(?)").param(ids).query(Long.class).single(), Integer::sum);
        out.merge("assessment_factor", (int) (long) jdbc.sql("select count(*) from assessment_factor f join assessment a on a.id = f.assessment_id "
                + "where a.case_id = any(?)").param(ids).query(Long.class).single(), Integer::sum);
        long merges = jdbc.sql("select count(*) from person_merge where survivor_id = any(?) or merged_id = any(?)").params(people, people)
                .query(Long.class).single();
        out.merge("person_merge", (int) merges, Integer::sum);
        long decisions = jdbc.sql("select count(*) from person_match_decision where person_a = any(?) or person_b = any(?)").params(people, people)
                .query(Long.class).single();
        if (decisions > 0) {
            out.merge("person_match_decision", (int) decisions, Integer::sum);
        }
        out.values().removeIf(v -> v == 0);
        return out;
    }

    private static JsonNode item(JsonNode pack, String kind, String id) {
        for (JsonNode i : pack.get("items")) {
            if (i.get("kind").asString().equals(kind) && (id == null || i.get("id").asString().equals(id))) {
                return i;
            }
        }
        throw new AssertionError("no " + kind + " " + id + " in the pack");
    }

    private static List<String> strings(JsonNode array) {
        var out = new java.util.ArrayList<String>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
