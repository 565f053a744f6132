package org.waymark.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

/**
 * The public's report of online content over real HTTP, without an account: 999 first, errors in the form's own
 * words with what was typed kept, a confirmation that shows a reference and nothing else, every report of one URL
 * on one item, and a few reports an hour from one address.
 */
class PublicContentReportIntegrationTest extends IntegrationTest {

    /** A visitor at an address of its own (the tests' client stands for a proxy), so the hourly allowance is this test's. */
    private TestHttp visitor(int address) {
        return http().header("X-Forwarded-For", "198.51.100." + address);
    }

    private static String reference(TestHttp visitor, String sentLocation) {
        var page = visitor.get(sentLocation).body();
        var matcher = java.util.regex.Pattern.compile("ORC-[A-Z2-9]{4}-[A-Z2-9]{4}").matcher(page);
        assertThat(matcher.find()).as(page).isTrue();
        return matcher.group();
    }

    @Test
    void reportsOfOneUrlAreOneItemAndEachReporterGetsAReferenceAndNothingElse() {
        String suffix = Long.toString(System.nanoTime());
        var first = visitor(10 + (int) (System.nanoTime() % 80));
        var page = first.get("/report-online-content");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().indexOf("call 999")).as("the emergency line comes before the form").isPositive()
                .isLessThan(page.body().indexOf("<form"));

        var empty = first.postMultipart("/report-online-content", Map.of("concern", "A video praising an attack"), "screenshot", "", null);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Enter the web address of the content").contains("Enter where you saw the material")
                .contains("A video praising an attack").contains("govuk-error-summary");
        var notAnImage = first.postMultipart("/report-online-content", Map.of("url", "https://video.example/watch?v=" + suffix, "seenWhere", "A channel",
                "concern", "Praise for an attack"), "screenshot", "notes.pdf", "%PDF-1.4 synthetic".getBytes());
        assertThat(notAnImage.body()).contains("The screenshot must be an image");

        String url = "https://www.video.example/watch?v=" + suffix;
        var sent = first.postMultipart("/report-online-content", Map.of("url", url + "&utm_source=share", "seenWhere", "A video channel",
                "concern", "It shows an attack and tells viewers to copy it."), "screenshot", "screen.png",
                ContentFixtures.encode(ContentFixtures.picture(suffix.hashCode()), "png"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String location = sent.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/report-online-content/sent");
        String firstReference = reference(first, location);
        var confirmation = first.get("/report-online-content/sent");
        assertThat(confirmation.body()).as("shown once: a reload goes back to the form").doesNotContain(firstReference);

        var second = visitor(100 + (int) (System.nanoTime() % 80));
        second.get("/cy/report-online-content");
        var again = second.postMultipart("/cy/report-online-content", Map.of("url", url, "seenWhere", "Sianel fideo", "concern",
                "Mae'n dangos ymosodiad."), "screenshot", "", null);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/cy/report-online-content/sent");
        String secondReference = reference(second, again.headers().firstValue("Location").orElseThrow());
        assertThat(secondReference).isNotEqualTo(firstReference);

        String canonical = "https://video.example/watch?v=" + suffix;
        var items = jdbc.sql("select i.id from content_item i where i.canonical_url = ?").param(canonical).query(java.util.UUID.class).list();
        assertThat(items).as("one item for both reports").hasSize(1);
        assertThat(jdbc.sql("select count(*) from content_report where item_id = ? and source = 'PUBLIC_REPORT' and reported_by = 'public'")
                .param(items.get(0)).query(Long.class).single()).isEqualTo(2L);
        assertThat(jdbc.sql("select count(*) from content_capture where item_id = ?").param(items.get(0)).query(Long.class).single())
                .as("the screenshot, captured and hashed").isEqualTo(1L);
        assertThat(jdbc.sql("select reference from content_report where item_id = ? order by reported_at").param(items.get(0)).query(String.class)
                .list()).containsExactly(firstReference, secondReference);
    }

    @Test
    void aFewReportsAnHourFromOneAddress() {
        String suffix = Long.toString(System.nanoTime());
        var flooder = visitor(200 + (int) (System.nanoTime() % 50));
        flooder.get("/report-online-content");
        int taken = 0;
        int refused = 0;
        for (int i = 0; i < 7; i++) {
            var response = flooder.postMultipart("/report-online-content", Map.of("url", "https://files.example/" + suffix + "/" + i,
                    "seenWhere", "A forum", "concern", "Instructions for an attack"), "screenshot", "", null);
            if (response.statusCode() == 302) {
                taken++;
            } else {
                assertThat(response.statusCode()).isEqualTo(429);
                assertThat(response.body()).contains("You have sent several reports in the last hour").contains("call 999");
                refused++;
            }
        }
        assertThat(taken).isEqualTo(5);
        assertThat(refused).isEqualTo(2);
    }
}
