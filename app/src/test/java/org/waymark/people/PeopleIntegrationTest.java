package org.waymark.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.referral.CaseFixtures.json;
import static org.waymark.referral.CaseFixtures.referral;
import static org.waymark.referral.CaseFixtures.submit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.referral.CaseFixtures;
import org.waymark.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The same young person referred twice, spelt differently with day and month of birth swapped: the gateway
 * officer is shown the earlier person with what agreed, can say "not the same" (remembered) or "the same"
 * (merged, audited as a combination), and the merge can be undone; everyone but CT police is kept out.
 */
class PeopleIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    CaseFixtures people;
    /** Letters only: names are compared without digits, so each run's people differ from every earlier run's. */
    String tag;

    @BeforeEach
    void people() {
        people = new CaseFixtures(context, baseUrl());
        tag = people.suffix.replaceAll("[^a-z]", "");
    }

    private String refer(String forename, String surname, String dateOfBirth, String postcode) {
        var response = submit(people.referrer, UUID.randomUUID().toString(), referral(forename, surname, dateOfBirth).replace("nw1 2ab", postcode));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asString();
    }

    private String personOf(String caseId) {
        return json(people.gateway.get("/api/v1/cases/" + caseId)).get("personId").asString();
    }

    private List<String> candidateIds(String caseId) {
        var response = people.gateway.get("/api/v1/cases/" + caseId + "/person-matches");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var ids = new ArrayList<String>();
        json(response).get("candidates").forEach(c -> ids.add(c.get("personId").asString()));
        return ids;
    }

    private long audited(String event, String personId) {
        return jdbc.sql("select count(*) from audit_entry where event = ? and person_id = ?").params(event, personId).query(Long.class).single();
    }

    @Test
    void theSamePersonReferredTwiceIsOfferedMergedAndSeparatedWithAudit() {
        String surname = "Khan-" + tag;
        String march = refer("Mohammed", surname, "2009-04-11", "LS6 2AB");
        String stranger = refer("Priya", "Okafor" + tag, "2009-04-11", "CF10 1AA");
        String june = refer("Muhammad", surname.replace("-", " "), "2009-11-04", "LS6 2AB");
        String marchPerson = personOf(march);
        String junePerson = personOf(june);
        assertThat(junePerson).as("spelt differently, so not attached at intake").isNotEqualTo(marchPerson);

        // The earlier person is the best candidate, with the fields that agreed; the stranger born the same day is not offered.
        var matches = json(people.gateway.get("/api/v1/cases/" + june + "/person-matches"));
        JsonNode best = matches.get("candidates").get(0);
        assertThat(best.get("personId").asString()).isEqualTo(marchPerson);
        assertThat(best.get("probability").asDouble()).isGreaterThan(0.95);
        var levels = new ArrayList<String>();
        best.get("fields").forEach(f -> levels.add(f.get("field").asString() + ":" + f.get("level").asString()));
        assertThat(levels).contains("first_name:equivalent", "dob:day-month-transposed", "postcode:exact");
        assertThat(best.get("referrals").get(0).get("caseId").asString()).isEqualTo(march);
        assertThat(candidateIds(june)).doesNotContain(personOf(stranger));
        assertThat(audited("person.candidate", marchPerson)).isPositive();

        // "Not the same person" is remembered: never offered again for this pair.
        var rejected = people.gateway.postJson("/api/v1/cases/" + june + "/person-matches/" + marchPerson, "{\"decision\": \"NOT_SAME_PERSON\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(204);
        assertThat(candidateIds(june)).doesNotContain(marchPerson);

        // The officer learns more and confirms after all: the June case joins the March person, history and all.
        var merged = people.gateway.postJson("/api/v1/cases/" + june + "/person-matches/" + marchPerson,
                "{\"decision\": \"SAME_PERSON\", \"reason\": \"School confirmed the spelling and date of birth\"}");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(201);
        String mergeId = json(merged).get("id").asString();
        assertThat(personOf(june)).isEqualTo(marchPerson);
        assertThat(people.gateway.get("/api/v1/cases/" + june).body()).contains(json(people.gateway.get("/api/v1/cases/" + march)).get("reference").asString());
        assertThat(audited("person.merged", marchPerson)).isEqualTo(1);
        assertThat(jdbc.sql("select action from audit_entry where event = 'person.merged' and person_id = ?").param(marchPerson)
                .query(String.class).single()).isEqualTo("COMBINATION");
        // A later referral spelt exactly as in June follows the merge to the surviving person.
        String september = refer("Muhammad", surname.replace("-", " "), "2009-11-04", "LS6 2AB");
        assertThat(personOf(september)).isEqualTo(marchPerson);

        // Undone: June's case (not September's, which came in after) goes back; the pair is remembered as two people.
        var undone = people.supervisor.postJson("/api/v1/people/merges/" + mergeId + "/undo", "{}");
        assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
        assertThat(json(undone).get("undoneBy").asString()).startsWith("case.supervisor.");
        assertThat(personOf(june)).isEqualTo(junePerson);
        assertThat(personOf(september)).isEqualTo(marchPerson);
        assertThat(audited("person.separated", junePerson)).isEqualTo(1);
        assertThat(people.gateway.postJson("/api/v1/people/merges/" + mergeId + "/undo", "{}").statusCode()).isEqualTo(409);
        assertThat(candidateIds(june)).doesNotContain(marchPerson);
        var timeline = people.gateway.get("/api/v1/cases/" + june).body();
        assertThat(timeline).contains("PERSON_MERGED").contains("PERSON_SEPARATED");
        var person = json(people.supervisor.get("/api/v1/people/" + marchPerson));
        assertThat(person.get("merges").get(0).get("undoneAt").isNull()).isFalse();
    }

    @Test
    void fuzzySearchFindsNicknamesSwappedNamesAndSwappedDates() {
        String surname = "Ellis" + tag;
        String caseId = refer("William", surname, "2010-03-07", "M1 1AE");
        String person = personOf(caseId);
        for (String query : List.of("forename=Bill&surname=" + surname + "&dateOfBirth=2010-07-03",
                "forename=" + surname + "&surname=William&dateOfBirth=2010-03-07",
                "forename=Wiliam&surname=" + surname)) {
            var response = people.gateway.get("/api/v1/people?" + query);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).get(0).get("personId").asString()).as(query).isEqualTo(person);
        }
        assertThat(audited("person.found", person)).isGreaterThanOrEqualTo(3);

        var missing = people.gateway.get("/api/v1/people?forename=William&dateOfBirth=" + URLEncoder.encode("2010-13-45", StandardCharsets.UTF_8));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("errors").has("surname")).isTrue();
        assertThat(json(missing).get("errors").get("dateOfBirth").asString()).isEqualTo("Date of birth must be a real date");
    }

    @Test
    void onlyCounterTerrorismPoliceSeeCandidatesSearchOrMerge() {
        String caseId = refer("Alex", "Morgan" + tag, "2011-01-02", "NW1 9ZZ");
        String person = personOf(caseId);
        // Case readers who are not CT police: the case may be theirs, its candidates are not (404, as for anything not theirs).
        for (var outsider : List.of(people.coordinator, people.chair, people.caseOfficer, people.otherCoordinator)) {
            int status = outsider.get("/api/v1/cases/" + caseId + "/person-matches").statusCode();
            assertThat(status).isEqualTo(404);
            var search = outsider.get("/api/v1/people?forename=Alex&surname=Morgan");
            assertThat(search.statusCode()).as(search.body()).isEqualTo(404);
            assertThat(outsider.get("/api/v1/people/" + person).statusCode()).isEqualTo(404);
        }
        // Another force's gateway officer cannot reach this case's candidates (the case is not theirs).
        assertThat(people.otherGateway.get("/api/v1/cases/" + caseId + "/person-matches").statusCode()).isEqualTo(404);
        // Bad input is a field error, not a 500; merging a person into themselves is a conflict.
        var noDecision = people.gateway.postJson("/api/v1/cases/" + caseId + "/person-matches/" + UUID.randomUUID(), "{\"decision\": \"MAYBE\"}");
        assertThat(noDecision.statusCode()).isEqualTo(400);
        assertThat(json(noDecision).get("errors").has("decision")).isTrue();
        assertThat(people.gateway.postJson("/api/v1/cases/" + caseId + "/person-matches/" + UUID.randomUUID(), "{\"decision\": \"SAME_PERSON\"}")
                .statusCode()).isEqualTo(404);
        assertThat(people.gateway.postJson("/api/v1/people/" + person + "/merge", "{\"into\": \"" + person + "\"}").statusCode()).isEqualTo(409);
        assertThat(people.gateway.postJson("/api/v1/people/" + person + "/merge", "{}").statusCode()).isEqualTo(400);
    }
}
