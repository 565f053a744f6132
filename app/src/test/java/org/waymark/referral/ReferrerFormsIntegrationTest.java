package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.IntegrationTest;

/** Issue 12 item 12: forms referrers can fill in quickly and correctly, and a copy of what they sent. */
class ReferrerFormsIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aProfessionalsAboutYouIsFilledInTheFirstPageWarnsAndTheirOwnDetailsAutocomplete() {
        var people = new CaseFixtures(context, baseUrl());
        String name = "case.referrer." + people.suffix;
        jdbc.sql("update user_account set email = ? where username = ?").params("dsl." + people.suffix + "@camden.example", name).update();
        var referrer = AccessFixtures.signedIn(context, baseUrl(), name);
        referrer.get("/referrals");
        String draft = referrer.postForm("/referrals/new", Map.of()).headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "").replace("/person", "");
        assertThat(referrer.get(draft + "/person").body()).contains("id=\"emergency\"").contains("call 999");
        var aboutYou = referrer.get(draft + "/referrer").body();
        assertThat(aboutYou).contains("value=\"Test " + name + "\"").contains("value=\"Camden (local authority)\"")
                .contains("value=\"dsl." + people.suffix + "@camden.example\"")
                .containsPattern("value=\"LOCAL_AUTHORITY\"\\s+checked")
                .containsPattern("id=\"referrerEmail\"[^>]*type=\"email\"").containsPattern("id=\"referrerEmail\"[^>]*autocomplete=\"email\"")
                .containsPattern("id=\"referrerPhone\"[^>]*type=\"tel\"").containsPattern("id=\"referrerName\"[^>]*autocomplete=\"name\"");
    }

    /** Documents are attached before sending, listed on the check page, removable, and sent with the referral. */
    @Test
    void documentsAttachedBeforeSendingAreListedRemovableAndSentWithTheReferral() {
        var people = new CaseFixtures(context, baseUrl());
        String name = "case.referrer." + people.suffix;
        var referrer = AccessFixtures.signedIn(context, baseUrl(), name);
        referrer.get("/referrals");
        String draft = referrer.postForm("/referrals/new", Map.of()).headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "").replace("/person", "");
        // Fill the answers the referral needs, page by page.
        post(referrer, draft + "/person", Map.of("forename", "Doc", "surname", "Attach-" + people.suffix, "age", "15", "gender", "MALE"));
        post(referrer, draft + "/address", Map.of("address", "1 Example Road", "postcode", "NW1 2AB", "localAuthority", CaseFixtures.CAMDEN));
        post(referrer, draft + "/concern", Map.of("concern", "Shares propaganda videos and talks of an attack.", "personAware", "NO"));
        post(referrer, draft + "/referrer", Map.of("referrerName", "Dana Teacher", "referrerOrganisation", "Test Academy",
                "referrerSector", "EDUCATION", "referrerEmail", "dsl@school.example"));
        referrer.get(draft + "/check");
        var bad = referrer.postMultipart(draft + "/documents", Map.of(), "file", "run.sh", "#!/bin/sh\necho hi".getBytes());
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("govuk-error-summary");
        referrer.get(draft + "/check");
        assertThat(referrer.postMultipart(draft + "/documents", Map.of(), "file", "keep.pdf", "%PDF-1.4 keep".getBytes()).statusCode()).isEqualTo(302);
        referrer.get(draft + "/check");
        assertThat(referrer.postMultipart(draft + "/documents", Map.of(), "file", "mistake.pdf", "%PDF-1.4 wrong".getBytes()).statusCode())
                .isEqualTo(302);
        var check = referrer.get(draft + "/check").body();
        assertThat(check).contains("keep.pdf").contains("mistake.pdf");
        var remove = java.util.regex.Pattern.compile("action=\"(" + java.util.regex.Pattern.quote(draft) + "/documents/[0-9a-f-]+/remove)\"")
                .matcher(check.substring(check.indexOf("mistake.pdf")));
        assertThat(remove.find()).isTrue();
        assertThat(referrer.postForm(remove.group(1), Map.of()).statusCode()).isEqualTo(302);
        var after = referrer.get(draft + "/check").body();
        assertThat(after).contains("keep.pdf").doesNotContain("mistake.pdf");
        var sent = referrer.postForm(draft + "/submit", Map.of());
        String receipt = sent.headers().firstValue("Location").orElse("");
        assertThat(receipt).contains("/referrals/").endsWith("/sent");
        String caseId = receipt.replaceFirst(".*/referrals/", "").replace("/sent", "");
        var documents = jdbc.sql("select file_name from case_document where case_id = ?").param(UUID.fromString(caseId)).query(String.class).list();
        assertThat(documents).containsExactly("keep.pdf");
        assertThat(jdbc.sql("select count(*) from referral_draft_document d join referral_draft r on r.id = d.draft_id where r.owner = ?")
                .param(name).query(Long.class).single()).isZero();
    }

    @Test
    void theScheduledPurgeRemovesDraftsPastTheirRetentionAndKeepsTheRest() throws Exception {
        var people = new CaseFixtures(context, baseUrl());
        var referrer = AccessFixtures.signedIn(context, baseUrl(), "case.referrer." + people.suffix);
        referrer.get("/referrals");
        UUID old = draftId(referrer.postForm("/referrals/new", Map.of()).headers().firstValue("Location").orElseThrow());
        UUID fresh = draftId(referrer.postForm("/referrals/new", Map.of()).headers().firstValue("Location").orElseThrow());
        referrer.postMultipart("/referrals/drafts/" + old + "/documents", Map.of(), "file", "old.pdf", "%PDF-1.4 old".getBytes());
        jdbc.sql("update referral_draft set updated_at = ? where id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(29))), old).update();

        // As the scheduler calls it: through the bean's proxies, ShedLock's lock among them.
        var drafts = context.getBean("drafts");
        var purge = org.springframework.util.ReflectionUtils.findMethod(drafts.getClass(), "purge");
        purge.setAccessible(true);
        purge.invoke(drafts);

        assertThat(jdbc.sql("select count(*) from referral_draft where id = ?").param(old).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from referral_draft_document where draft_id = ?").param(old).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from referral_draft where id = ?").param(fresh).query(Long.class).single()).isOne();
    }

    private static UUID draftId(String location) {
        return UUID.fromString(location.replaceFirst(".*/referrals/drafts/", "").replaceFirst("/.*", ""));
    }

    private static void post(org.waymark.support.TestHttp client, String page, Map<String, String> fields) {
        client.get(page);
        var response = client.postForm(page, fields);
        assertThat(response.statusCode()).as(page + ": " + response.body()).isEqualTo(302);
    }

    @Test
    void theReferrerPrintsWhatTheySentWithTheDocumentsListed() throws Exception {
        var people = new CaseFixtures(context, baseUrl());
        var sent = CaseFixtures.json(CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(),
                CaseFixtures.referral("Printed", "Copy-" + people.suffix, java.time.LocalDate.now().minusYears(14).toString())));
        String id = sent.get("id").asString();
        var upload = people.referrer.postMultipart("/api/v1/referrals/" + id + "/documents", Map.of(), "file", "chat-log.pdf",
                "%PDF-1.4 synthetic chat log".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        // A ZIP holding a script, named as a Word document, is refused with the reason (issue 13).
        var trap = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(trap)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("password/run.sh"));
            zip.write("#!/bin/sh\necho gotcha\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        var refused = people.referrer.postMultipart("/api/v1/referrals/" + id + "/documents", Map.of(), "file", "report.docx", trap.toByteArray());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"file\"");
        var referrer = AccessFixtures.signedIn(context, baseUrl(), "case.referrer." + people.suffix);
        var pdf = referrer.getBytes("/referrals/" + id + "/copy.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text = BoundaryIntegrationTest.pdfText(pdf.body());
        assertThat(text).contains("OFFICIAL-SENSITIVE").contains(sent.get("reference").asString()).contains("Printed Copy-" + people.suffix)
                .contains("Shared videos glorifying").contains("chat-log.pdf");
        // Nobody else's copy: another referrer's request is answered as missing.
        var other = AccessFixtures.createUser(context, "case.referrer.other." + people.suffix, org.waymark.access.Role.REFERRER,
                "LA-" + CaseFixtures.CAMDEN, CaseFixtures.CAMDEN);
        assertThat(other).isNotNull();
        var stranger = AccessFixtures.signedIn(context, baseUrl(), "case.referrer.other." + people.suffix);
        assertThat(stranger.getBytes("/referrals/" + id + "/copy.pdf").statusCode()).isEqualTo(404);
    }

    @Test
    void thePublicFormLetsIDoNotKnowStandNamesTheHotlineAndWordsItsErrorsAsItsQuestions() {
        var visitor = http();
        var page = visitor.get("/report-a-concern").body();
        // "I don't know" stands for the surname; for the council area the nearest will do, or the hotline (ADR 18).
        assertThat(page).contains("0800 789 321").contains("id=\"surnameUnknown\"").contains("If you do not know at all, call the Anti-Terrorist Hotline")
                .containsPattern("id=\"referrerEmail\"[^>]*type=\"email\"").containsPattern("id=\"referrerPhone\"[^>]*autocomplete=\"tel\"");
        var empty = visitor.postForm("/report-a-concern", Map.of());
        assertThat(empty.body()).contains("Enter their first name").contains("Enter their last name, or select")
                .contains("Tell us what you are worried about").contains("Select which council area they live in, or the nearest one")
                .doesNotContain("Enter the person").doesNotContain("Describe the concern");
        var form = new LinkedHashMap<String, String>(Map.of("forename", "Jo", "surnameUnknown", "yes", "gender", "NOT_KNOWN",
                "localAuthority", CaseFixtures.CAMDEN, "concern", "A young man at the mosque talks about joining a group abroad.",
                "personAware", "NO", "relationship", "COMMUNITY"));
        var sent = visitor.postForm("/report-a-concern", form);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElse("")).endsWith("/report-a-concern/sent");
        var welsh = http().get("/cy/report-a-concern").body();
        assertThat(welsh).contains("Llinell Gymorth Gwrthderfysgaeth").contains("0800 789 321")
                .contains(">Caerdydd<").contains(">Ynys Môn<").contains("href=\"/cy/privacy\"");
        assertThat(http().get("/cy/privacy").body()).contains("lang=\"cy\"").contains("Hysbysiad preifatrwydd").contains("Eich hawliau");
        assertThat(http().get("/cy/cookies").body()).contains("WAYMARK_SESSION").contains("Dim tracio");
    }
}
