package org.waymark.retention.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.referral.CaseFixtures;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

import tools.jackson.databind.JsonNode;

/**
 * Retention that really deletes (issue 15): a Channel case taken to support and closed comes up for review once the
 * clock passes its schedule; a legal hold blocks its deletion; the officer's decision to delete erases it from every
 * module, and afterwards a person with a unique synthetic name, postcode and concern text cannot be found in any row
 * of any table of the database, nor in any file under the data directory, the embedded database's own file included
 * (it is compacted after an erasure: docs/retention.md), while the statistical record stays, anonymised, and the audit trail still verifies.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class RetentionIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    RetentionReviews reviews;

    @Autowired
    Environment environment;

    @Test
    void aClosedCaseComesUpForReviewAndDeletingItLeavesNoTraceOfThePerson(org.springframework.boot.test.system.CapturedOutput logs)
            throws IOException {
        var people = new CaseFixtures(context, baseUrl());
        String tag = people.suffix.replaceAll("[^a-z]", "").toUpperCase(Locale.ROOT) + "QX";
        String surname = "Erasable-" + people.suffix;
        String forename = "Zephyrine";
        String postcode = uniquePostcode();
        String concern = "Retention probe " + people.suffix + ": drew symbols from a banned group on " + tag + " exercise books.";
        String referral = CaseFixtures.referral(forename, surname, java.time.LocalDate.now().minusYears(15).minusDays(40).toString())
                .replace("nw1 2ab", postcode)
                .replace("Shared videos glorifying an attack in a class group chat and said he wanted to do the same.", concern);
        var supported = people.inSupport(referral);
        people.closed(supported);
        UUID caseId = UUID.fromString(supported.caseId());
        UUID personId = jdbc.sql("select person_id from prevent_case where id = ?").param(caseId).query(UUID.class).single();
        if (!org.waymark.support.TestDatabase.postgres()) {
            // Every committed page on disk now, so the check below sees whether the scan can read H2's own file at all.
            jdbc.sql("checkpoint sync").update();
        }
        var before = scan(List.of(surname, concern, postcode));
        assertThat(before).as("the probe is found before erasure").isNotEmpty();
        if (!org.waymark.support.TestDatabase.postgres()) {
            assertThat(before).as("the scan reads H2's own file").anyMatch(hit -> hit.contains(".mv.db"));
        }
        long statisticalRecords = jdbc.sql("select count(*) from statistical_record").query(Long.class).single();

        // Not due yet: six years from the last review.
        reviews.run("test", null);
        assertThat(jdbc.sql("select count(*) from retention_review where case_id = ?").param(caseId).query(Long.class).single()).isZero();
        clock.advance(Duration.ofDays(6 * 366 + 2));
        // Tokens are issued on the moved clock, so they are live in its time.
        var dpo = AccessFixtures.apiClient(context, baseUrl(), "retention.dpo." + people.suffix, Role.DPO, "HOME-OFFICE", null);
        var coordinator = AccessFixtures.apiClient(context, baseUrl(), "retention.coordinator." + people.suffix, Role.CHANNEL_COORDINATOR,
                "LA-" + CaseFixtures.CAMDEN, CaseFixtures.CAMDEN);
        var gateway = AccessFixtures.apiClient(context, baseUrl(), "retention.gateway." + people.suffix, Role.GATEWAY_OFFICER,
                "PF-" + CaseFixtures.MET, CaseFixtures.MET);
        reviews.run("test", null);
        JsonNode review = due(dpo, caseId);
        assertThat(review).as("due once the clock passes six years").isNotNull();
        assertThat(review.get("caseReference").asString()).isEqualTo(supported.reference());
        assertThat(review.get("rule").asString()).isEqualTo("CHANNEL");
        assertThat(review.get("dueOn").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        reviews.run("test", null);
        assertThat(dpo.get("/api/v1/retention/reviews?status=DUE").body().split(supported.caseId(), -1)).as("queued once").hasSize(2);
        String decision = "/api/v1/retention/reviews/" + review.get("id").asString() + "/decision";

        // A council's officer answers for the cases held in their area only: Camden's sees the review, Hartlepool's does not.
        var camdenDpo = AccessFixtures.apiClient(context, baseUrl(), "retention.camden.dpo." + people.suffix, Role.DPO,
                "LA-" + CaseFixtures.CAMDEN, CaseFixtures.CAMDEN);
        var hartlepoolDpo = AccessFixtures.apiClient(context, baseUrl(), "retention.hartlepool.dpo." + people.suffix, Role.DPO,
                "LA-" + CaseFixtures.HARTLEPOOL, CaseFixtures.HARTLEPOOL);
        assertThat(due(camdenDpo, caseId)).isNotNull();
        assertThat(due(hartlepoolDpo, caseId)).isNull();
        assertThat(hartlepoolDpo.postJson(decision, "{\"decision\": \"DELETE\", \"reason\": \"Not mine\"}").statusCode()).isEqualTo(404);
        assertThat(hartlepoolDpo.postJson("/api/v1/retention/holds", "{\"caseId\": \"" + caseId + "\", \"reason\": \"x\"}").statusCode())
                .isEqualTo(404);
        assertThat(hartlepoolDpo.postJson("/api/v1/retention/restrictions", "{\"caseId\": \"" + caseId + "\", \"ground\": \"EVIDENCE\", "
                + "\"reason\": \"x\"}").statusCode()).isEqualTo(404);

        // Bad decisions are refused with what to fix; nothing is decided.
        var bad = dpo.postJson(decision, "{\"decision\": \"SHRED\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("decision").contains("reason");
        var keepWithoutDate = dpo.postJson(decision, "{\"decision\": \"KEEP\", \"reason\": \"Inquiry pending\", \"nextReviewOn\": \"2020-01-01\"}");
        assertThat(keepWithoutDate.statusCode()).isEqualTo(400);
        assertThat(keepWithoutDate.body()).contains("must be in the future");
        assertThat(coordinator.get("/api/v1/retention/reviews?status=DUE").statusCode()).as("officers only").isEqualTo(404);
        assertThat(dpo.get("/api/v1/retention/reviews?status=LOST").statusCode()).isEqualTo(400);

        // A corrected surname: the old one is kept in the case's history, which must go too.
        String corrected = "Rectified-" + people.suffix;
        assertThat(dpo.postJson("/api/v1/retention/rectifications", "{\"caseId\": \"" + caseId + "\", \"field\": \"surname\", \"value\": \""
                + corrected + "\", \"reason\": \"Spelling\"}").statusCode()).isEqualTo(201);
        // A legal hold blocks deletion until it is lifted; its reason, written freely, names the person.
        var hold = dpo.postJson("/api/v1/retention/holds", "{\"caseId\": \"" + caseId + "\", \"reason\": \"Civil claim by " + surname + "\"}");
        assertThat(hold.statusCode()).isEqualTo(201);
        var held = dpo.postJson(decision, "{\"decision\": \"DELETE\", \"reason\": \"Schedule reached\"}");
        assertThat(held.statusCode()).isEqualTo(409);
        assertThat(held.body()).contains("legal hold");
        String holdId = CaseFixtures.json(hold).get("id").asString();
        assertThat(dpo.postJson("/api/v1/retention/holds/" + holdId + "/lift", "{\"reason\": \"Claim withdrawn\"}").statusCode()).isEqualTo(200);
        assertThat(coordinator.get("/api/v1/cases/" + caseId).statusCode()).as("still there while undecided").isEqualTo(200);

        var deleted = dpo.postJson(decision, "{\"decision\": \"DELETE\", \"reason\": \"Schedule reached; no reason to keep\"}");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(CaseFixtures.json(deleted).get("status").asString()).isEqualTo("ERASED");
        assertThat(dpo.postJson(decision, "{\"decision\": \"DELETE\", \"reason\": \"again\"}").statusCode()).isEqualTo(409);

        for (TestHttp reader : List.of(coordinator, gateway, dpo)) {
            assertThat(reader.get("/api/v1/cases/" + caseId).statusCode()).isEqualTo(404);
        }
        assertThat(jdbc.sql("select count(*) from person where id = ?").param(personId).query(Long.class).single()).isZero();
        assertThat(scan(List.of(surname, corrected, concern, postcode, postcode.replace(" ", ""))))
                .as("no trace of the person in any table or file").isEmpty();
        assertThat(List.of(surname, corrected, concern, postcode)).as("nor in what the service logged").noneMatch(n -> contains(logs.getAll(), n));
        assertThat(jdbc.sql("select count(*) from statistical_record where case_id = ? or reference = ?").params(caseId, supported.reference())
                .query(Long.class).single()).as("the statistical record no longer leads to the case").isZero();
        assertThat(jdbc.sql("select count(*) from statistical_record").query(Long.class).single()).as("but it stays")
                .isEqualTo(statisticalRecords);
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'case.erased' and record_id = ?").param(caseId.toString())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(CaseFixtures.json(dpo.get("/api/v1/audit-verification")).get("intact").asBoolean()).as("the audit chain verifies").isTrue();
    }

    private static JsonNode due(TestHttp dpo, UUID caseId) {
        var list = dpo.get("/api/v1/retention/reviews?status=DUE");
        assertThat(list.statusCode()).isEqualTo(200);
        for (JsonNode r : CaseFixtures.json(list)) {
            if (r.get("caseId").asString().equals(caseId.toString())) {
                return r;
            }
        }
        return null;
    }

    /** Where any of these texts occurs: every row of every table, as text, and every file under the data directory, H2's own included. */
    private List<String> scan(List<String> needles) throws IOException {
        var found = new ArrayList<String>();
        var tables = jdbc.sql("select table_name from information_schema.tables where lower(table_schema) = lower(current_schema) "
                + "and table_type = 'BASE TABLE'").query(String.class).list();
        assertThat(tables).as("the scan reads the application's tables").hasSizeGreaterThan(40);
        for (String table : tables) {
            for (var row : jdbc.sql("select * from \"" + table + "\"").query().listOfRows()) {
                String text = row.values().stream().map(RetentionIntegrationTest::text).reduce("", (a, b) -> a + "\u0001" + b);
                needles.stream().filter(n -> contains(text, n)).forEach(n -> found.add(table + ": " + n));
            }
        }
        Path dataDir = Path.of(environment.getRequiredProperty("waymark.data-dir"));
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    needles.stream().filter(n -> contains(text, n)).forEach(n -> found.add(file + ": " + n));
                }
            }
        }
        return found;
    }

    private static boolean contains(String text, String needle) {
        return text.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return String.valueOf(value);
    }

    private static String uniquePostcode() {
        var random = new java.security.SecureRandom();
        String second = "ABCDEFGHKLMNOPQRSTUVWXY";
        String last = "ABDEFGHJLNPQRSTUWXYZ";
        return "Z" + second.charAt(random.nextInt(second.length())) + (10 + random.nextInt(90)) + " " + random.nextInt(10)
                + last.charAt(random.nextInt(last.length())) + last.charAt(random.nextInt(last.length()));
    }
}
