package org.waymark.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.content.internal.ContentFixtures.json;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

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
 * Videos over real HTTP: a captured video gets a vPDQ hash (a frame a second), a referred one is banked, and a
 * re-encoded copy is caught by vPDQ with where in it the match is; a frame of a known image is a hit too; hash lists
 * carry videos out and in. The clips: {@code original.mp4} (ThreatExchange's test-padded-dimensions sample), the
 * same re-encoded smaller at a lower quality, and an unrelated synthetic test pattern.
 */
class VideoMatchingIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private TestHttp analyst;
    private String suffix;

    @BeforeEach
    void analyst() {
        suffix = Long.toString(System.nanoTime());
        analyst = http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "video.analyst." + suffix, Role.CONTENT_ANALYST,
                "CTIRU", null), 1));
    }

    private static byte[] clip(String name) {
        try (var in = VideoMatchingIntegrationTest.class.getResourceAsStream("videos/" + name)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String item(String path) {
        return json(analyst.postJson("/api/v1/content-items", "{\"url\":\"https://video.example/" + path + "/" + suffix + "\",\"source\":\"ANALYST\"}")
                .body()).get("id").asString();
    }

    private JsonNode capture(String itemId, String name, byte[] bytes) {
        var response = analyst.postMultipart("/api/v1/content-items/" + itemId + "/captures", Map.of(), "file", name, bytes);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response.body());
    }

    private List<JsonNode> matches(String itemId) {
        return StreamSupport.stream(json(analyst.get("/api/v1/content-items/" + itemId).body()).get("matches").spliterator(), false).toList();
    }

    private int frameCount(String captureId) {
        return jdbc.sql("select count(*) from content_capture_frame where capture_id = cast(? as uuid)").param(captureId).query(Integer.class).single();
    }

    /** Refers an item on a second analyst's approval, which banks its captures. */
    private void refer(String itemId) {
        var approver = http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "video.approver." + suffix, Role.CONTENT_ANALYST,
                "CTIRU", null), 1));
        analyst.postJson("/api/v1/content-items/" + itemId + "/assessments", """
                {"outcome":"ILLEGAL","tactSection3":true,"tcoReasons":["INCITES"],"ideology":"EXTREME_RIGHT_WING",
                 "rationale":"Synthetic test clip standing for a video that urges others to attack."}""");
        assertThat(approver.postJson("/api/v1/content-items/" + itemId + "/approval", "{\"decision\":\"APPROVED\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void aReEncodedCopyOfAReferredVideoIsCaughtWithWhereItMatchesAndAnUnrelatedOneIsNot() {
        String original = item("original");
        String originalCapture = capture(original, "original.mp4", clip("original.mp4")).get("id").asString();
        // 150 frames at 30 a second, one hashed a second: frames 0, 30, 60, 90 and 120.
        assertThat(frameCount(originalCapture)).isEqualTo(5);
        long videosBefore = jdbc.sql("select count(*) from hash_bank where algorithm = 'VPDQ'").query(Long.class).single();
        refer(original);
        assertThat(jdbc.sql("select count(*) from hash_bank where algorithm = 'VPDQ'").query(Long.class).single()).isEqualTo(videosBefore + 1);

        String copy = item("reencoded");
        capture(copy, "reencoded.mp4", clip("reencoded.mp4"));
        var found = matches(copy);
        // Other tests share the bank (one banks a frame of this clip as an image): only this test's video is asserted.
        assertThat(found).extracting(m -> m.get("algorithm").asString()).as("no exact match: other bytes").doesNotContain("SHA256", "MD5");
        var fromOriginal = found.stream().filter(m -> m.has("bankItemId") && m.get("bankItemId").asString().equals(original)).toList();
        assertThat(fromOriginal).extracting(m -> m.get("algorithm").asString()).containsExactly("VPDQ");
        var video = fromOriginal.get(0);
        assertThat(video.get("bankPercent").asDouble()).isEqualTo(100.0);
        assertThat(video.get("segmentStart").asDouble()).isEqualTo(0.0);
        assertThat(video.get("segmentEnd").asDouble()).isEqualTo(4.0);
        assertThat(video.get("distance").asInt()).isBetween(1, 31);

        // The item page says where in the captured video the known one is.
        var page = AccessFixtures.signedIn(context, baseUrl(), "video.analyst." + suffix).get("/content/items/" + copy).body();
        assertThat(page).contains("Where in the captured video").contains("0:00–0:04").contains("100% of the known video&#39;s frames found");

        String unrelated = item("unrelated");
        capture(unrelated, "unrelated.mp4", clip("unrelated.mp4"));
        assertThat(matches(unrelated)).extracting(m -> m.path("bankItemId").asString()).doesNotContain(original);
    }

    @Test
    void aFrameOfAKnownImageIsAHitAtItsTime() {
        String probe = item("probe");
        String probeCapture = capture(probe, "original.mp4", clip("original.mp4")).get("id").asString();
        String frameAtTwo = jdbc.sql("select pdq_hash from content_capture_frame where capture_id = cast(? as uuid) and frame_number = 60")
                .param(probeCapture).query(String.class).single();
        assertThat(analyst.post("/api/v1/hash-list", "text/csv", "hash,algorithm,ideology\n" + frameAtTwo + ",PDQ,ISLAMIST\n").statusCode()).isEqualTo(200);

        String copy = item("frame");
        capture(copy, "reencoded.mp4", clip("reencoded.mp4"));
        var pdq = matches(copy).stream().filter(m -> m.get("algorithm").asString().equals("PDQ")).toList();
        assertThat(pdq).hasSize(1);
        assertThat(pdq.get(0).get("segmentStart").asDouble()).isEqualTo(2.0);
        assertThat(pdq.get(0).get("segmentEnd").asDouble()).isEqualTo(2.0);
        assertThat(pdq.get(0).has("bankPercent")).as("an image has no share of frames").isFalse();
    }

    @Test
    void hashListsCarryVideosOutAndInOneRowEachAndRefuseABrokenOne() {
        var frames = List.of("0,100," + "a".repeat(64) + ",0.000", "30,90," + "b".repeat(56) + suffix.substring(suffix.length() - 8) + ",1.000");
        String row = "\"" + String.join(";", frames) + "\",vPDQ,ISLAMIST,VIDEO,false,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z\n";
        var imported = analyst.post("/api/v1/hash-list", "text/csv", HashLists.HEADER + "\n" + row);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(json(imported.body()).get("added").asInt()).isEqualTo(1);
        assertThat(json(analyst.post("/api/v1/hash-list", "text/csv", HashLists.HEADER + "\n" + row).body()).get("unchanged").asInt())
                .as("the same video again").isEqualTo(1);
        assertThat(analyst.get("/api/v1/hash-list").body()).contains(row.substring(0, row.indexOf(",2026-01-01")));

        var broken = analyst.post("/api/v1/hash-list", "text/csv", "hash,algorithm\n\"0,100,abc,0.000\",vPDQ\n");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("line 2: vPDQ frame 1: a PDQ hash is 64 hex digits");
    }

    @Test
    void aVideoThatCannotBeDecodedIsKeptAndCaughtOnlyExactlyAndSaysSo() {
        byte[] whole = clip("original.mp4");
        byte[] truncated = java.util.Arrays.copyOf(whole, 2_000);
        String broken = item("truncated");
        var capture = capture(broken, "truncated.mp4", truncated);
        assertThat(capture.get("hashProblem").asString()).isEqualTo(Captures.VIDEO_UNDECODABLE);
        assertThat(frameCount(capture.get("id").asString())).isZero();
    }
}
