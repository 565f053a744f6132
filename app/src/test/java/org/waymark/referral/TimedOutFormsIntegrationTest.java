package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.referral.CaseFixtures.json;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

/**
 * A form sent after its session timed out keeps what was typed: the public form offers it back to send again;
 * staff sign in again and are offered it back. A post from another site is not kept (nothing to replay).
 */
class TimedOutFormsIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    private static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
    }

    /** The "send again" page's hidden fields, as the browser would post them. */
    private static Map<String, String> hidden(String page) {
        var fields = new LinkedHashMap<String, String>();
        var m = HIDDEN.matcher(page);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&"));
        }
        return fields;
    }

    @Test
    void thePublicFormKeepsWhatWasTypedAndAsksToSendItAgain() {
        var visitor = http().header("Origin", baseUrl());
        visitor.get("/report-a-concern");
        String concern = "A neighbour's son talks of joining a group online " + UUID.randomUUID();
        var form = Map.of("forename", "Robin", "surname", "Timeout", "concern", concern, "localAuthority", CaseFixtures.CAMDEN);
        visitor.sessionExpires();
        var sent = visitor.postForm("/report-a-concern", form);
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(location(sent)).isEqualTo("/send-again");
        var again = visitor.get("/send-again");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Send your answers again").contains("Nothing you entered has been saved yet")
                .contains(concern.replace("'", "&#39;"));
        var resent = visitor.postForm("/report-a-concern", hidden(again.body()));
        // Back at the form itself, with what was typed (and any answers still missing pointed out).
        assertThat(resent.statusCode()).isIn(200, 302);
        if (resent.statusCode() == 200) {
            assertThat(resent.body()).contains("Timeout").contains("Robin");
        }
    }

    @Test
    void staffSignInAgainAndAreOfferedTheirAnswersBack() {
        var people = new CaseFixtures(context, baseUrl());
        String id = json(CaseFixtures.submit(people.referrer, UUID.randomUUID().toString(),
                CaseFixtures.referral("Kai", "Expired-" + people.suffix, LocalDate.now().minusYears(15).toString()))).get("id").asString();
        String gateway = "case.gateway." + people.suffix;
        TestHttp officer = AccessFixtures.signedIn(context, baseUrl(), gateway).header("Origin", baseUrl());
        var casePage = officer.get("/cases/" + id);
        // Every signed-in page says how long a session lasts (the timeout warning without JavaScript) ...
        assertThat(casePage.body()).contains("you are signed out after 30 minutes without activity").contains("id=\"timeout-warning\"");
        // ... and "Stay signed in" has somewhere to keep the session alive.
        assertThat(officer.get("/account/session").statusCode()).isEqualTo(204);
        String rationale = "Vulnerable and isolated; suitable for Channel. " + UUID.randomUUID();
        officer.sessionExpires();
        var sent = officer.postForm("/cases/" + id + "/screening-decision",
                Map.of("outcome", "CHANNEL", "concernType", "OTHER", "rationale", rationale));
        assertThat(location(sent)).isEqualTo("/sign-in?expired");
        officer.get("/sign-in");
        var signedIn = officer.postForm("/sign-in", Map.of("username", gateway, "password", AccessFixtures.PASSWORD));
        assertThat(location(signedIn)).isEqualTo("/send-again");
        var again = officer.get("/send-again");
        assertThat(again.body()).contains(rationale);
        var decided = officer.postForm("/cases/" + id + "/screening-decision", hidden(again.body()));
        assertThat(decided.statusCode()).isEqualTo(302);
        assertThat(json(people.gateway.get("/api/v1/cases/" + id)).get("stage").asString()).isEqualTo("CHANNEL");
    }

    @Test
    void aReferralQuestionPageKeepsItsAnswersAcrossSignInAgain() {
        var people = new CaseFixtures(context, baseUrl());
        String referrerName = "case.referrer." + people.suffix;
        TestHttp referrer = AccessFixtures.signedIn(context, baseUrl(), referrerName).header("Origin", baseUrl());
        referrer.get("/referrals");
        var started = referrer.postForm("/referrals/new", Map.of());
        String draftPage = location(started);
        assertThat(draftPage).startsWith("/referrals/drafts/").endsWith("/person");
        String concernPage = draftPage.replace("/person", "/concern");
        String concern = "Shares extremist videos in class and talks of travelling abroad " + UUID.randomUUID();
        referrer.get(concernPage);
        referrer.sessionExpires();
        var sent = referrer.postForm(concernPage, Map.of("concern", concern, "personAware", "NO"));
        assertThat(location(sent)).isEqualTo("/sign-in?expired");
        referrer.get("/sign-in");
        var signedIn = referrer.postForm("/sign-in", Map.of("username", referrerName, "password", AccessFixtures.PASSWORD));
        assertThat(location(signedIn)).isEqualTo("/send-again");
        var again = referrer.get("/send-again");
        // Shown back under the question's own words, not its field name.
        assertThat(again.body()).contains(concern).contains("Describe the concern");
        var saved = referrer.postForm(concernPage, hidden(again.body()));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(referrer.get(concernPage).body()).contains(concern);
    }

    @Test
    void aPostFromAnotherSiteIsNotKept() {
        var forged = http().header("Origin", "https://evil.example");
        var sent = forged.postForm("/report-a-concern", Map.of("concern", "forged"));
        assertThat(sent.statusCode()).isEqualTo(404);
        assertThat(forged.get("/send-again").statusCode()).isEqualTo(302);
    }
}
