package org.waymark.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.content.internal.ContentFixtures.encode;
import static org.waymark.content.internal.ContentFixtures.json;
import static org.waymark.content.internal.ContentFixtures.picture;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.pdq.Hash256;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

/** The internet referral unit's workflow over real HTTP, from report to removal, with its matching and figures. */
class ContentWorkflowIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    AvailabilityChecker checker;

    private TestHttp first;
    private TestHttp second;
    private String firstName;
    private String suffix;

    @BeforeEach
    void twoAnalysts() {
        suffix = Long.toString(System.nanoTime());
        firstName = "analyst.one." + suffix;
        first = http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, firstName, Role.CONTENT_ANALYST, "CTIRU", null), 1));
        second = http().bearer(AccessFixtures.token(context,
                AccessFixtures.createUser(context, "analyst.two." + suffix, Role.CONTENT_ANALYST, "CTIRU", null), 1));
    }

    private TestHttp as(Role role) {
        return http().bearer(AccessFixtures.token(context,
                AccessFixtures.createUser(context, role.name().toLowerCase() + "." + System.nanoTime(), role, "LA-E09000007", "E09000007"), 1));
    }

    private static int youtubeRemoved(tools.jackson.databind.JsonNode figures) {
        return java.util.stream.StreamSupport.stream(figures.get("platforms").spliterator(), false)
                .filter(p -> p.get("platformCode").asString().equals("YOUTUBE")).findFirst().map(p -> p.get("removed").asInt()).orElse(0);
    }

    @Test
    void aReportIsAssessedApprovedByASecondAnalystReferredAndRemoved() throws Exception {
        // Figures before, so the removal is counted as a change: other tests share the database.
        var manager = as(Role.MANAGER);
        var before = json(manager.get("/api/v1/content-statistics").body());
        int removedBefore = youtubeRemoved(before);
        int tactBefore = before.get("byGround").has("TACT_S3") ? before.get("byGround").get("TACT_S3").asInt() : 0;
        String path = "/watch?v=wmk" + suffix.substring(suffix.length() - 8);
        var created = first.postJson("/api/v1/content-items",
                "{\"url\":\"https://m.youtube.com" + path + "&utm_source=share&feature=shared\",\"source\":\"ANALYST\",\"note\":\"Found while patrolling\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        var item = json(created.body());
        String id = item.get("id").asString();
        assertThat(item.get("canonicalUrl").asString()).isEqualTo("https://youtube.com" + path);
        assertThat(item.get("platformCode").asString()).isEqualTo("YOUTUBE");
        assertThat(item.get("reference").asString()).matches("IRU-\\d{4}-\\d{6}");

        // The same video through its short link lands on the same item, as a second report.
        var again = second.postJson("/api/v1/content-items", "{\"url\":\"https://youtu.be/" + path.substring(9) + "?si=x\",\"source\":\"PARTNER_UNIT\"}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again.body()).get("id").asString()).isEqualTo(id);
        assertThat(json(again.body()).get("duplicate").asBoolean()).isTrue();

        var image = picture(suffix.hashCode());
        var captured = first.postMultipart("/api/v1/content-items/" + id + "/captures", Map.of(), "file", "frame.png", encode(image, "png"));
        assertThat(captured.statusCode()).isEqualTo(201);
        var capture = json(captured.body());
        assertThat(capture.get("fileType").asString()).isEqualTo("IMAGE");
        assertThat(capture.get("sha256").asString()).hasSize(64);
        assertThat(capture.get("pdqQuality").asInt()).isGreaterThanOrEqualTo(50);

        // Illegal needs grounds and an ideology.
        var incomplete = first.postJson("/api/v1/content-items/" + id + "/assessments", "{\"outcome\":\"ILLEGAL\",\"rationale\":\"\"}");
        assertThat(incomplete.statusCode()).as(incomplete.body()).isEqualTo(400);
        assertThat(json(incomplete.body()).get("errors").propertyNames()).contains("tcoReasons", "ideology", "rationale");

        var assessed = first.postJson("/api/v1/content-items/" + id + "/assessments", """
                {"outcome":"ILLEGAL","tactSection3":true,"tcoReasons":["INCITES","SOLICITS_GROUP"],"ideology":"ISLAMIST",
                 "organisationCode":"ISIL","rationale":"Calls on viewers to join the group and carry out attacks.",
                 "furtherInformation":"The same video was removed from this platform in March."}""");
        assertThat(assessed.statusCode()).isEqualTo(201);

        // Four eyes: the assessor cannot approve, and nothing reaches the platform.
        var own = first.postJson("/api/v1/content-items/" + id + "/approval", "{\"decision\":\"APPROVED\"}");
        assertThat(own.statusCode()).as("four eyes: a refusal of the step, as in casework").isEqualTo(409);
        assertThat(json(own.body()).get("detail").asString()).contains("cannot approve your own");
        assertThat(jdbc.sql("select count(*) from content_referral where item_id = cast(? as uuid)").param(id).query(Integer.class).single()).isZero();

        var approved = second.postJson("/api/v1/content-items/" + id + "/approval", "{\"decision\":\"APPROVED\"}");
        assertThat(approved.statusCode()).isEqualTo(201);
        var referral = json(approved.body());
        String referralId = referral.get("id").asString();
        assertThat(referral.get("reference").asString()).matches("IRU-R-\\d{4}-\\d{6}");
        assertThat(referral.get("issuedBy").asString()).isEqualTo(firstName);

        // The letter carries TCO Annex I's fields.
        var letter = json(first.get("/api/v1/content-referrals/" + referralId).body());
        assertThat(letter.get("reference").asString()).isEqualTo(referral.get("reference").asString());
        assertThat(letter.get("issuedAt").asString()).isNotBlank();
        assertThat(letter.get("issuingAuthority").asString()).isEqualTo("Counter Terrorism Internet Referral Unit");
        assertThat(letter.get("contactPoint").asString()).isNotBlank();
        assertThat(letter.get("redress").asString()).contains("review");
        assertThat(letter.get("content").get("url").asString()).contains("m.youtube.com" + path);
        assertThat(letter.get("content").get("capturedFiles").get(0).get("sha256").asString()).isEqualTo(capture.get("sha256").asString());
        assertThat(letter.get("grounds").get("terrorismAct2006Section3").asBoolean()).isTrue();
        assertThat(letter.get("grounds").get("tcoArticle2_7").get(1).get("point").asString()).isEqualTo("(c)");
        assertThat(letter.get("furtherInformation").asString()).contains("removed from this platform in March");
        assertThat(letter.get("organisation").asString()).contains("Islamic State");

        // The PDF letter says the same, read back as text.
        var session = AccessFixtures.signedIn(context, baseUrl(), firstName);
        var pdf = session.getBytes("/content/referrals/" + referralId + "/letter.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(referral.get("reference").asString()).contains("YouTube").contains("section 3 of the Terrorism Act 2006")
                    .contains("Article 2(7)(a)").contains("Redress");
        }

        // Outcome: removed two hours after issue. Times before issue, or in the future, are refused.
        Instant issued = Instant.parse(referral.get("issuedAt").asString());
        var early = second.postJson("/api/v1/content-referrals/" + referralId + "/outcomes",
                "{\"status\":\"REMOVED\",\"occurredAt\":\"" + issued.minusSeconds(60) + "\"}");
        assertThat(early.statusCode()).isEqualTo(400);
        clock.advance(Duration.ofHours(3));
        var removed = second.postJson("/api/v1/content-referrals/" + referralId + "/outcomes",
                "{\"status\":\"REMOVED\",\"occurredAt\":\"" + issued.plus(Duration.ofHours(2)) + "\",\"note\":\"Platform confirmed by e-mail\"}");
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(json(removed.body()).get("status").asString()).isEqualTo("REMOVED");
        var final_ = second.postJson("/api/v1/content-referrals/" + referralId + "/outcomes", "{\"status\":\"DECLINED\"}");
        assertThat(final_.statusCode()).as("a move the referral's state does not allow").isEqualTo(409);
        assertThat(json(final_.body()).get("detail").asString()).contains("cannot follow");

        var view = json(first.get("/api/v1/content-items/" + id).body());
        assertThat(view.get("item").get("status").asString()).isEqualTo("REMOVED");
        assertThat(view.get("reports")).hasSize(2);

        // Figures: the platform's removal rate and median time to removal include this referral.
        var figures = json(manager.get("/api/v1/content-statistics").body());
        assertThat(youtubeRemoved(figures)).isEqualTo(removedBefore + 1);
        assertThat(java.util.stream.StreamSupport.stream(figures.get("platforms").spliterator(), false)
                .filter(p -> p.get("platformCode").asString().equals("YOUTUBE")).findFirst().orElseThrow().get("removalRate").asDouble()).isGreaterThan(0);
        assertThat(figures.get("byGround").get("TACT_S3").asInt()).isEqualTo(tactBefore + 1);

        // The referral was a disclosure to the platform; every read of the item is audited.
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DISCLOSURE' and record_id = ? and recipient = 'YouTube'")
                .param(id).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'content.item.viewed' and record_id = ?")
                .param(id).query(Integer.class).single()).isGreaterThanOrEqualTo(1);

        // Nobody outside the unit sees the item; managers see only figures.
        assertThat(manager.get("/api/v1/content-items/" + id).statusCode()).isEqualTo(404);
        assertThat(as(Role.GATEWAY_OFFICER).get("/api/v1/content-referrals/" + referralId).statusCode()).isEqualTo(404);
    }

    /** Issue 12 item 16: a returned assessment starts from the earlier one; the organisation shows; images preview safely. */
    @Test
    void aReturnedAssessmentIsPrefilledAndCapturedImagesPreviewSafely() throws Exception {
        String id = json(first.postJson("/api/v1/content-items", "{\"url\":\"https://video.example/watch?v=ret" + suffix + "\",\"source\":\"ANALYST\"}")
                .body()).get("id").asString();
        var image = ContentFixtures.picture(suffix.hashCode());
        var big = new java.awt.image.BufferedImage(1600, 1200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        big.getGraphics().drawImage(image, 0, 0, 1600, 1200, null);
        String captureId = json(first.postMultipart("/api/v1/content-items/" + id + "/captures", java.util.Map.of(), "file", "big.png",
                ContentFixtures.encode(big, "png")).body()).get("id").asString();
        assertThat(first.postJson("/api/v1/content-items/" + id + "/assessments", """
                {"outcome":"ILLEGAL","tactSection3":true,"tcoReasons":["INCITES"],"ideology":"ISLAMIST",
                 "organisationCode":"ISIL","rationale":"Calls on viewers to join the group. First pass."}""").statusCode()).isEqualTo(201);
        var approver = AccessFixtures.signedIn(context, baseUrl(), "analyst.two." + suffix);
        var pending = approver.get("/content/items/" + id).body();
        assertThat(pending).contains("id=\"pending-organisation\"").containsPattern("id=\"pending-organisation\">[^<]*[A-Za-z]");
        assertThat(second.postJson("/api/v1/content-items/" + id + "/approval",
                "{\"decision\":\"RETURNED\",\"comment\":\"Say which part of the speech incites.\"}").statusCode()).isIn(200, 204);
        var assessor = AccessFixtures.signedIn(context, baseUrl(), firstName);
        var again = assessor.get("/content/items/" + id).body();
        assertThat(again).contains("id=\"earlier-assessment\"").contains("Calls on viewers to join the group. First pass.")
                .containsPattern("value=\"ILLEGAL\"\s+checked").containsPattern("value=\"ISIL\"\s+selected")
                .contains("Say which part of the speech incites.");

        // The preview: a fresh, small PNG, shown only as an image; blurred in the page until opened.
        assertThat(again).contains("/content/captures/" + captureId + "/preview.png").contains("waymark-blurred");
        var preview = assessor.getBytes("/content/captures/" + captureId + "/preview.png");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        assertThat(preview.headers().firstValue("Content-Security-Policy").orElse("")).contains("sandbox");
        assertThat(preview.headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
        var shown = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(preview.body()));
        assertThat(Math.max(shown.getWidth(), shown.getHeight())).isEqualTo(480);
        // A capture that is not an image has no preview.
        String pdf = json(first.postMultipart("/api/v1/content-items/" + id + "/captures", java.util.Map.of(), "file", "page.pdf",
                "%PDF-1.4 synthetic".getBytes()).body()).get("id").asString();
        assertThat(assessor.getBytes("/content/captures/" + pdf + "/preview.png").statusCode()).isEqualTo(404);
    }

    @Test
    void reUploadsAreCaughtByHashEvenRotatedAndTheBankSurvivesARestart() {
        var referred = ContentFixtures.referredItem(context, baseUrl(), "https://video.example/original/" + suffix);
        String original = jdbc.sql("select sha256 from content_capture where id = cast(? as uuid)").param(referred.captureId())
                .query(String.class).single();
        byte[] bytes = jdbc.sql("select bytes from content_file where sha256 = ?").param(original).query((rs, n) -> rs.getBytes(1)).single();

        // The very same file elsewhere: exact matches on SHA-256 and MD5, and PDQ at distance 0.
        String copy = json(first.postJson("/api/v1/content-items", "{\"url\":\"https://files.example/copy/" + suffix + "\",\"source\":\"ANALYST\"}")
                .body()).get("id").asString();
        first.postMultipart("/api/v1/content-items/" + copy + "/captures", Map.of(), "file", "copy.png", bytes);
        var matches = json(first.get("/api/v1/content-items/" + copy).body()).get("matches");
        assertThat(java.util.stream.StreamSupport.stream(matches.spliterator(), false).map(m -> m.get("algorithm").asString()))
                .contains("SHA256", "MD5", "PDQ");

        // Rotated a quarter turn and saved as JPEG: no exact match, but PDQ finds it through the dihedral hashes.
        var decoded = readImage(bytes);
        String rotated = json(first.postJson("/api/v1/content-items", "{\"url\":\"https://files.example/rotated/" + suffix + "\",\"source\":\"HASH_MATCH\"}")
                .body()).get("id").asString();
        first.postMultipart("/api/v1/content-items/" + rotated + "/captures", Map.of(), "file", "rotated.jpg",
                encode(ContentFixtures.rotate90(decoded), "jpg"));
        var rotatedMatches = json(first.get("/api/v1/content-items/" + rotated).body()).get("matches");
        assertThat(rotatedMatches).hasSize(1);
        assertThat(rotatedMatches.get(0).get("algorithm").asString()).isEqualTo("PDQ");
        assertThat(rotatedMatches.get(0).get("distance").asInt()).isLessThanOrEqualTo(31);
        assertThat(rotatedMatches.get(0).get("bankItemId").asString()).isEqualTo(referred.itemId());

        // An unrelated picture matches nothing.
        String other = json(first.postJson("/api/v1/content-items", "{\"url\":\"https://files.example/other/" + suffix + "\",\"source\":\"ANALYST\"}")
                .body()).get("id").asString();
        first.postMultipart("/api/v1/content-items/" + other + "/captures", Map.of(), "file", "other.png", encode(picture(42 + suffix.hashCode()), "png"));
        assertThat(json(first.get("/api/v1/content-items/" + other).body()).get("matches")).isEmpty();

        // A new process rebuilds its index from the table: the bank persists across restarts.
        String pdq = jdbc.sql("select pdq_hash from content_capture where id = cast(? as uuid)").param(referred.captureId()).query(String.class).single();
        var restarted = new HashBank(jdbc, clock);
        restarted.refresh();
        assertThat(restarted.matchPdq(java.util.List.of(Hash256.parse(pdq)))).extracting(HashBank.PdqMatch::distance).contains(0);
    }

    @Test
    void aLargeBankLoadsInBulkAndMatchesExactlyAsBruteForce() {
        var random = new java.util.Random(suffix.hashCode());
        var hashes = new java.util.ArrayList<Object[]>();
        var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        for (int i = 0; i < HashBank.BULK + 2_000; i++) {
            String hex = Hash256.ofWords(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()).toHex();
            hashes.add(new Object[] {"PDQ", hex, false, now, now});
        }
        context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).batchUpdate(
                "insert into hash_bank (algorithm, hash, deleted, created_at, updated_at) values (?, ?, ?, ?, ?)", hashes);
        var loaded = new HashBank(jdbc, clock);
        loaded.refresh();
        assertThat(loaded.size()).isGreaterThanOrEqualTo(HashBank.BULK + 2_000);
        // A query three bits from one of them finds exactly that row.
        var target = Hash256.parse((String) hashes.get(7_777)[1]);
        var near = Hash256.ofWords(target.word(0) ^ 0b111, target.word(1), target.word(2), target.word(3));
        var found = loaded.matchPdq(java.util.List.of(near));
        assertThat(found).extracting(HashBank.PdqMatch::distance).containsExactly(3);
        long bankId = jdbc.sql("select id from hash_bank where hash = ?").param(target.toHex()).query(Long.class).single();
        assertThat(found.get(0).bankId()).isEqualTo(bankId);
    }

    private static java.awt.image.BufferedImage readImage(byte[] bytes) {
        try {
            return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void hashListsImportAllOrNothingAndExportWhatTheBankHolds() {
        String pdq = "f".repeat(16) + Long.toHexString(System.nanoTime()).substring(0, 8) + "0".repeat(40);
        String md5 = String.format("%032x", System.nanoTime());
        var bad = first.post("/api/v1/hash-list", "text/csv", "hash,algorithm,ideology,file_type,deleted,created_at,updated_at\n"
                + pdq + ",PDQ,ISLAMIST,IMAGE,false,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z\n"
                + "abc,MD5,,,false,,\n"
                + md5 + ",CRC32,,,false,,\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("line 3: a MD5 hash is 32 hexadecimal characters").contains("line 4: algorithm must be");
        assertThat(jdbc.sql("select count(*) from hash_bank where hash = ?").param(pdq).query(Integer.class).single()).isZero();

        var good = first.post("/api/v1/hash-list", "text/csv", "algorithm,hash,ideology,deleted\nPDQ," + pdq + ",islamist,false\nMD5,"
                + md5.toUpperCase() + ",EXTREME_RIGHT_WING,false\n");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(json(good.body()).get("added").asInt()).isEqualTo(2);
        var export = first.get("/api/v1/hash-list");
        assertThat(export.body()).startsWith(HashLists.HEADER).contains(pdq + ",PDQ,ISLAMIST,,false,").contains(md5 + ",MD5,EXTREME_RIGHT_WING");

        // Matching a hash: PDQ within 31 bits, MD5 exactly; a deleted hash no longer matches.
        String near = "0".repeat(16) + pdq.substring(16);
        assertThat(json(first.postJson("/api/v1/hash-matches", "{\"algorithm\":\"PDQ\",\"hash\":\"" + near + "\"}").body())).isEmpty();
        String close = "0f" + pdq.substring(2);
        var pdqMatch = json(first.postJson("/api/v1/hash-matches", "{\"algorithm\":\"PDQ\",\"hash\":\"" + close + "\"}").body());
        assertThat(pdqMatch.get(0).get("distance").asInt()).isEqualTo(4);
        first.post("/api/v1/hash-list", "text/csv", "hash,algorithm,deleted\n" + pdq + ",PDQ,true\n");
        assertThat(json(first.postJson("/api/v1/hash-matches", "{\"algorithm\":\"PDQ\",\"hash\":\"" + close + "\"}").body())).isEmpty();
        var badQuery = first.postJson("/api/v1/hash-matches", "{\"algorithm\":\"SHA256\",\"hash\":\"xyz\"}");
        assertThat(badQuery.statusCode()).isEqualTo(400);
    }

    @Test
    void badInputGetsFieldErrorsAndNothingIsSaved() {
        long before = jdbc.sql("select count(*) from content_item").query(Long.class).single();
        var bad = first.postJson("/api/v1/content-items", "{\"url\":\"ftp://files.example/x\",\"source\":\"SOMEONE\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("must start with http").contains("Select how the content was found");
        String id = json(first.postJson("/api/v1/content-items", "{\"url\":\"https://files.example/" + suffix + "\",\"source\":\"ANALYST\"}").body())
                .get("id").asString();
        var notAFile = first.postMultipart("/api/v1/content-items/" + id + "/captures", Map.of(), "file", "notes.txt",
                "just some text".getBytes());
        assertThat(notAFile.statusCode()).isEqualTo(400);
        assertThat(notAFile.body()).contains("must be an image");
        assertThat(first.postJson("/api/v1/content-items/" + id + "/approval", "{\"decision\":\"APPROVED\"}").statusCode())
                .as("nothing waits for approval").isEqualTo(409);
        assertThat(first.postJson("/api/v1/content-referrals/" + java.util.UUID.randomUUID() + "/outcomes", "{\"status\":\"REMOVED\"}").statusCode())
                .isEqualTo(404);
        assertThat(first.get("/api/v1/content-items/not-a-uuid").statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from content_item").query(Long.class).single()).isEqualTo(before + 1);

        // The availability checker is off unless switched on: it makes no request and records nothing.
        assertThat(checker.check(java.util.UUID.fromString(id))).isNull();
        checker.checkDue();
        assertThat(jdbc.sql("select count(*) from content_availability_check").query(Long.class).single()).isZero();
    }
}
