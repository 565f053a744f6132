package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.referral.CaseFixtures.json;
import static org.waymark.referral.CaseFixtures.referral;
import static org.waymark.referral.CaseFixtures.submit;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.IntegrationTest;

/** Issue 12 item 11: a queue a team can work: who, how old, who referred, flags, search, sort and pages. */
class QueueIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private static final Pattern ROW_REFERENCE = Pattern.compile("href=\"/cases/[0-9a-f-]{36}\">(PRV-[0-9-]+)</a>");

    private static ArrayList<String> references(String page) {
        var out = new ArrayList<String>();
        var m = ROW_REFERENCE.matcher(page.substring(page.indexOf("id=\"queue\"")));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void theQueueShowsWhoAndWhyAndIsSearchedSortedAndPaged() {
        var people = new CaseFixtures(context, baseUrl());
        String tag = "Q" + people.suffix;
        String born = LocalDate.now().minusYears(15).minusDays(20).toString();
        var ids = new ArrayList<String>();
        for (int i = 0; i < 27; i++) {
            // Surnames sort the reverse of the order they arrive in.
            var received = submit(people.referrer, UUID.randomUUID().toString(), referral("Kit", tag + "-" + (char) ('z' - i), born));
            ids.add(json(received).get("id").asString());
        }
        // A repeat of the first person, a withheld one, and one a supervisor returned.
        var repeat = json(submit(people.referrer, UUID.randomUUID().toString(), referral("Kit", tag + "-z", born)));
        assertThat(people.gateway.postJson("/api/v1/deconfliction-subjects",
                "{\"forename\": \"Kit\", \"surname\": \"" + tag + "-y\", \"operation\": \"OP QUEUE\"}").statusCode()).isEqualTo(201);
        String returned = repeat.get("id").asString();
        assertThat(people.gateway.postJson("/api/v1/cases/" + ids.get(5) + "/screening-decision", """
                {"outcome": "NO_FURTHER_ACTION", "reason": "INSUFFICIENT_INFORMATION", "concernType": "OTHER", "rationale": "Vague."}""")
                .statusCode()).isEqualTo(201);
        assertThat(people.gateway.postJson("/api/v1/cases/" + returned + "/screening-decision", """
                {"outcome": "NO_FURTHER_ACTION", "reason": "INSUFFICIENT_INFORMATION", "concernType": "OTHER", "rationale": "Vague."}""")
                .statusCode()).isEqualTo(201);
        var approval = people.supervisor.postJson("/api/v1/cases/" + returned + "/screening-decision/approval",
                "{\"decision\": \"RETURNED\", \"comment\": \"Ask the school first.\"}");
        assertThat(approval.statusCode()).as(approval.body()).isEqualTo(200);

        var gateway = AccessFixtures.signedIn(context, baseUrl(), "case.gateway." + people.suffix);
        var first = gateway.get("/cases?q=" + tag).body();
        // 27 and the repeat, less the one closed: 27 open.
        assertThat(first).contains("27 cases, showing 1 to 25").contains("govuk-pagination").contains("Kit " + tag + "-z")
                .contains("Education").contains(">15<").contains("Repeat referral").contains("Deconfliction match")
                .doesNotContain("govuk-task-list");
        assertThat(references(first)).hasSize(25);
        var secondPage = gateway.get("/cases?q=" + tag + "&page=2").body();
        assertThat(references(secondPage)).hasSize(2);
        // The repeat came last, so it is on the second page, with the supervisor's return.
        assertThat(secondPage).contains("Returned by supervisor").contains(repeat.get("reference").asString());
        // Sorted by name: "-a" ... "-z"; descending reverses it.
        var byName = references(gateway.get("/cases?q=" + tag + "&sort=name&order=asc").body());
        var byNameDown = references(gateway.get("/cases?q=" + tag + "&sort=name&order=desc").body());
        assertThat(byName.get(0)).isNotEqualTo(byNameDown.get(0));
        assertThat(gateway.get("/cases?q=" + tag + "&sort=name&order=asc").body()).contains("aria-sort=\"ascending\"");
        // Search by reference.
        String reference = repeat.get("reference").asString();
        var found = gateway.get("/cases?q=" + reference).body();
        assertThat(references(found)).containsExactly(reference);
        assertThat(gateway.get("/cases?q=nobody-" + tag).body()).contains("No cases match your search");
        assertThat(gateway.get("/cases?q=" + tag + "&sort=nonsense&page=x").statusCode()).isEqualTo(200);

        // Later, unscreened referrals are overdue and say so.
        clock.advance(Duration.ofDays(10));
        var later = AccessFixtures.signedIn(context, baseUrl(), "case.gateway." + people.suffix).get("/cases?q=" + tag + "&sort=due").body();
        assertThat(later).contains("Overdue");
    }
}
