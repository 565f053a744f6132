package org.waymark.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.content.internal.ContentFixtures.json;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

import tools.jackson.databind.JsonNode;

/**
 * Bulk intake over real HTTP: a partner unit's ZIP becomes one report per distinct canonical URL, its files hash in
 * the background (a re-upload of banked content is matched, a file that cannot be hashed says why), a URL list works
 * alike, and a bad upload leaves nothing behind. A line a dead worker held is hashed again.
 */
class BulkIntakeIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    IntakeHashing hashing;

    private TestHttp analyst;
    private String suffix;

    @BeforeEach
    void analyst() {
        suffix = Long.toString(System.nanoTime());
        analyst = http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "intake.analyst." + suffix, Role.CONTENT_ANALYST,
                "CTIRU", null), 1));
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private JsonNode finished(String id) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> json(analyst.get("/api/v1/content-intakes/" + id).body()).get("finished").asBoolean());
        return json(analyst.get("/api/v1/content-intakes/" + id).body());
    }

    private int audited(String event, String recordId) {
        return jdbc.sql("select count(*) from audit_entry where event = ? and record_id = ?").params(event, recordId).query(Integer.class).single();
    }

    private static JsonNode line(JsonNode progress, int line) {
        return StreamSupport.stream(progress.get("entries").spliterator(), false).filter(e -> e.get("line").asInt() == line).findFirst().orElseThrow();
    }

    /** A WebP header over junk: Tika knows it for an image, nothing here can decode it. */
    private static byte[] webp() {
        byte[] b = new byte[64];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
        b[4] = 56;
        System.arraycopy("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 8);
        return b;
    }

    @Test
    void aPartnersZipBecomesReportsWhoseFilesAreHashedAndMatchedInTheBackground() {
        byte[] banked = ContentFixtures.encode(ContentFixtures.picture(suffix.hashCode()), "png");
        String knownUrl = "https://video.example/known/" + suffix;
        var known = ContentFixtures.referredItem(context, baseUrl(), knownUrl, banked);
        int knownReports = jdbc.sql("select count(*) from content_report where item_id = cast(? as uuid)").param(known.itemId()).query(Integer.class)
                .single();
        var files = new LinkedHashMap<String, byte[]>();
        files.put("manifest.csv", ("url,file,note\n"
                + "https://www.forum.example/t/" + suffix + "?utm_source=sweep,reupload.png,\"Re-post of a known image, cropped title\"\n"
                + "https://forum.example/t/" + suffix + "#top,,same thread again\n"
                + "https://forum.example/other/" + suffix + ",fresh.png,\n"
                + knownUrl + "?fbclid=abc,,\n"
                + "https://forum.example/webp/" + suffix + ",still.webp,\n").getBytes(StandardCharsets.UTF_8));
        files.put("reupload.png", banked);
        files.put("fresh.png", ContentFixtures.encode(ContentFixtures.picture(suffix.hashCode() + 1L), "png"));
        files.put("still.webp", webp());
        int items = count("content_item");

        var response = analyst.postMultipart("/api/v1/content-intakes", Map.of("source", "PARTNER_UNIT", "label", "Partner sweep " + suffix),
                "file", "sweep.zip", IntakeUploadUnitTest.zip(files));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        var saved = json(response.body());
        assertThat(saved.get("intake").get("reference").asString()).matches("BLK-\\d{4}-\\d{6}");
        assertThat(saved.get("intake").get("entries").asInt()).isEqualTo(5);
        assertThat(saved.get("intake").get("newItems").asInt()).isEqualTo(3);
        assertThat(saved.get("intake").get("knownItems").asInt()).isEqualTo(1);
        assertThat(saved.get("intake").get("repeated").asInt()).isEqualTo(1);
        assertThat(saved.get("files").asInt()).isEqualTo(3);
        assertThat(count("content_item") - items).as("three new canonical URLs").isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from content_report where item_id = cast(? as uuid)").param(known.itemId()).query(Integer.class).single())
                .as("the known item has one more report").isEqualTo(knownReports + 1);

        var done = finished(saved.get("intake").get("id").asString());
        assertThat(done.get("hashed").asInt()).isEqualTo(3);
        assertThat(done.get("matched").asInt()).isEqualTo(1);
        assertThat(done.get("failed").asInt()).isEqualTo(1);
        assertThat(line(done, 2).get("hashing").asString()).isEqualTo("MATCHED");
        assertThat(line(done, 2).get("outcome").asString()).isEqualTo("NEW");
        assertThat(line(done, 3).get("outcome").asString()).isEqualTo("REPEATED");
        assertThat(line(done, 3).get("itemId").asString()).isEqualTo(line(done, 2).get("itemId").asString());
        assertThat(line(done, 3).get("hashing").asString()).isEqualTo("NONE");
        assertThat(line(done, 4).get("hashing").asString()).isEqualTo("DONE");
        assertThat(line(done, 5).get("outcome").asString()).isEqualTo("KNOWN");
        assertThat(line(done, 5).get("itemId").asString()).isEqualTo(known.itemId());
        assertThat(line(done, 6).get("hashing").asString()).isEqualTo("FAILED");
        assertThat(line(done, 6).get("reason").asString()).startsWith("content.capture.hash.");

        var matchedItem = json(analyst.get("/api/v1/content-items/" + line(done, 2).get("itemId").asString()).body());
        assertThat(matchedItem.get("matches").size()).as("the re-upload is matched to the banked image").isPositive();
        assertThat(matchedItem.get("reports").get(0).get("note").asString()).contains("Partner sweep " + suffix)
                .contains("Re-post of a known image, cropped title");
        assertThat(matchedItem.get("item").get("source").asString()).isEqualTo("PARTNER_UNIT");

        String intakeId = saved.get("intake").get("id").asString();
        var failedOnly = json(analyst.get("/api/v1/content-intakes/" + intakeId + "?only=FAILED").body());
        assertThat(failedOnly.get("entries").size()).isEqualTo(1);
        // The page shows URLs: reading it is audited, the intake and every item listed on it.
        assertThat(audited("content.intake.viewed", intakeId)).isPositive();
        assertThat(audited("content.item.listed", line(done, 6).get("itemId").asString())).isPositive();
    }

    @Test
    void aBadUploadIsRefusedWholeWithEveryProblemByLine() {
        var files = new LinkedHashMap<String, byte[]>();
        files.put("manifest.csv", ("url,file\nhttps://forum.example/good/" + suffix + ",a.png\nnot a web address,\nhttps://forum.example/b/" + suffix
                + ",missing.png\n").getBytes(StandardCharsets.UTF_8));
        files.put("a.png", ContentFixtures.encode(ContentFixtures.picture(3), "png"));
        int items = count("content_item");
        int intakes = count("content_intake");
        int files0 = count("content_file");

        var response = analyst.postMultipart("/api/v1/content-intakes", Map.of("source", "ANALYST"), "file", "sweep.zip", IntakeUploadUnitTest.zip(files));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        var problems = json(response.body()).get("problems");
        assertThat(problems.get(0).asString()).isEqualTo("line 3: \"not a web address\" is not a web address");
        assertThat(problems.get(1).asString()).isEqualTo("line 4: the ZIP has no file missing.png");
        assertThat(count("content_item")).isEqualTo(items);
        assertThat(count("content_intake")).isEqualTo(intakes);
        assertThat(count("content_file")).isEqualTo(files0);

        var noSource = analyst.postMultipart("/api/v1/content-intakes", Map.of("urls", "https://forum.example/x/" + suffix), null, null, null);
        assertThat(noSource.statusCode()).isEqualTo(400);
        assertThat(json(noSource.body()).get("errors").get("source").asString()).isEqualTo("Select where the web addresses came from");
        assertThat(count("content_item")).isEqualTo(items);
    }

    @Test
    void aListOfUrlsBecomesReportsWithRepeatsFoldedAndOnlyAnalystsSeeIt() {
        var response = analyst.postMultipart("/api/v1/content-intakes", Map.of("source", "ANALYST", "urls",
                "https://video.example/list/" + suffix + "\n# skipped\nhttps://www.video.example/list/" + suffix + "?utm_medium=x\n"
                        + "https://video.example/list2/" + suffix + "\n"), null, null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        var saved = json(response.body());
        assertThat(saved.get("intake").get("kind").asString()).isEqualTo("URL_LIST");
        assertThat(saved.get("intake").get("newItems").asInt()).isEqualTo(2);
        assertThat(saved.get("intake").get("repeated").asInt()).isEqualTo(1);
        assertThat(saved.get("finished").asBoolean()).as("nothing to hash").isTrue();
        String id = saved.get("intake").get("id").asString();

        var officer = http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "intake.officer." + suffix,
                Role.GATEWAY_OFFICER, "LA-E09000007", "E09000007"), 1));
        assertThat(officer.get("/api/v1/content-intakes/" + id).statusCode()).isEqualTo(404);
        assertThat(officer.get("/api/v1/content-intakes/" + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(officer.postMultipart("/api/v1/content-intakes", Map.of("source", "ANALYST", "urls", "https://video.example/o/" + suffix), null,
                null, null).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'access.refused' and actor = ?").param("intake.officer." + suffix)
                .query(Integer.class).single()).as("every refused attempt is audited").isEqualTo(3);
    }

    @Test
    void aBulkUploadMayBeLargerThanAnyOtherFormTakes() {
        byte[] big = new byte[25 * 1024 * 1024];
        new java.util.Random(5).nextBytes(big);
        String itemId = json(analyst.postJson("/api/v1/content-items", "{\"url\":\"https://video.example/big/" + suffix + "\",\"source\":\"ANALYST\"}")
                .body()).get("id").asString();
        var capture = analyst.postMultipart("/api/v1/content-items/" + itemId + "/captures", Map.of(), "file", "big.bin", big);
        assertThat(capture.statusCode()).as("a captured file stops at 20 MB, before it is read").isEqualTo(413);
        var bulk = analyst.postMultipart("/api/v1/content-intakes", Map.of("source", "ANALYST"), "file", "big.bin", big);
        assertThat(bulk.statusCode()).as("a bulk upload passes the size gate and is refused for what it is").isEqualTo(400);
        assertThat(json(bulk.body()).get("problems").get(0).asString()).contains("neither a ZIP nor a text list");
    }

    @Test
    void aLineHeldByAWorkerThatDiedIsHashedAgain() throws InterruptedException {
        var files = new LinkedHashMap<String, byte[]>();
        files.put("manifest.csv", ("url,file\nhttps://forum.example/stale/" + suffix + ",a.png\n").getBytes(StandardCharsets.UTF_8));
        files.put("a.png", ContentFixtures.encode(ContentFixtures.picture(suffix.hashCode() + 7L), "png"));
        var saved = json(analyst.postMultipart("/api/v1/content-intakes", Map.of("source", "ANALYST"), "file", "s.zip",
                IntakeUploadUnitTest.zip(files)).body());
        String id = saved.get("intake").get("id").asString();
        finished(id);
        int captures = jdbc.sql("select count(*) from content_capture c join content_intake_entry e on e.item_id = c.item_id "
                + "where e.intake_id = cast(? as uuid)").param(id).query(Integer.class).single();
        // As a worker killed mid-hash leaves it: claimed an hour ago, never finished. Any sweep may take it now (on this
        // node or another test's), so the test takes it too and waits for whichever is first.
        jdbc.sql("update content_intake_entry set hashing = 'HASHING', claimed_at = ?, capture_id = null where intake_id = cast(? as uuid)")
                .params(java.time.OffsetDateTime.now().minusHours(1), id).update();
        hashing.drain();
        assertThat(line(finished(id), 2).get("hashing").asString()).isEqualTo("DONE");
        assertThat(jdbc.sql("select count(*) from content_intake_entry where intake_id = cast(? as uuid) and capture_id is not null").param(id)
                .query(Integer.class).single()).as("hashed again: the line has its capture").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from content_capture c join content_intake_entry e on e.item_id = c.item_id "
                + "where e.intake_id = cast(? as uuid)").param(id).query(Integer.class).single()).isEqualTo(captures + 1);

        // With nothing left, the workers stop and stay stopped: a wake while they were busy must not keep them cycling.
        // In two quiet seconds at most one sweep may start them once more (one worker a core).
        hashing.wake();
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> hashing.busy() == 0);
        long started = hashing.starts();
        Thread.sleep(2000);
        assertThat(hashing.starts() - started).as("workers started while nothing waited").isLessThanOrEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
