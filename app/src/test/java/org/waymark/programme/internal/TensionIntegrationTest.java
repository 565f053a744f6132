package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.programme.internal.ProgrammeFixtures.created;
import static org.waymark.programme.internal.ProgrammeFixtures.json;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

/**
 * Community tensions and incidents over real HTTP: assessments on the scale give the latest level per area and by
 * force, with each area's history and overdue reviews; an incident shows the referrals in its area on each day either
 * side (real referrals, received on days set by the test clock), the engagement and reassurance since, and the public
 * lines agreed with who approved them; another organisation's manager finds nothing.
 */
class TensionIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private String suffix;
    private TestHttp manager;

    @BeforeEach
    void manager() {
        suffix = Long.toString(System.nanoTime());
        // A council of the test's own in Newcastle: what it sees is only its own organisation's, whatever else the shared database holds.
        String council = AccessFixtures.organisation(context, "LA-N" + suffix.substring(suffix.length() - 9), org.waymark.access.OrganisationType.LOCAL_AUTHORITY,
                "E08000021");
        manager = manager("newcastle", council, "E08000021");
    }

    private TestHttp manager(String who, String organisation, String area) {
        return http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "tensions." + who + "." + suffix, Role.PROGRAMME_MANAGER,
                organisation, area), 1));
    }

    @Test
    void theLatestLevelPerAreaAndItsHistory() {
        LocalDate today = LocalDate.now(clock);
        assertThat(json(manager.get("/api/v1/tensions").body()).get("scale").size()).as("the scale is reference data").isEqualTo(5);
        created(manager.postJson("/api/v1/tensions", """
                {"areaCode":"E08000021","level":2,"assessedOn":"%s","indicators":"Graffiti near a mosque","sources":"Neighbourhood policing",
                 "reviewOn":"%s"}""".formatted(today.minusDays(20), today.minusDays(6))));
        created(manager.postJson("/api/v1/tensions", """
                {"areaCode":"E08000021","level":4,"indicators":"Protest planned after an attack abroad; hostile posts shared locally",
                 "sources":"Faith leaders, schools","reassurance":"Extra patrols at places of worship","reviewOn":"%s"}""".formatted(today.plusDays(3))));
        created(manager.postJson("/api/v1/tensions", """
                {"areaCode":"E08000037","level":1,"assessedOn":"%s","indicators":"Nothing specific","sources":"Council community team",
                 "reviewOn":"%s"}""".formatted(today.minusDays(40), today.minusDays(10))));
        var bad = manager.postJson("/api/v1/tensions", "{\"areaCode\":\"E08000021\",\"level\":9,\"indicators\":\"\",\"sources\":\"x\",\"reviewOn\":\"soon\"}");
        assertThat(json(bad.body()).get("errors").get("level").asString()).isEqualTo("Select the tension level");

        var picture = json(manager.get("/api/v1/tensions").body());
        var latest = StreamSupport.stream(picture.get("latest").spliterator(), false).toList();
        assertThat(latest).extracting(l -> l.get("areaCode").asString()).containsExactly("E08000021", "E08000037");
        assertThat(latest.get(0).get("assessment").get("level").asInt()).as("the newest, not the highest ever").isEqualTo(4);
        assertThat(latest.get(0).get("levelName").asString()).isEqualTo("High");
        assertThat(latest.get(0).get("reviewOverdue").asBoolean()).isFalse();
        assertThat(latest.get(1).get("reviewOverdue").asBoolean()).isTrue();
        assertThat(picture.get("byForce").get("E23000007").size()).as("Northumbria").isEqualTo(2);
        var history = json(manager.get("/api/v1/tensions/areas/E08000021").body());
        assertThat(history.get("areaName").asString()).isEqualTo("Newcastle upon Tyne");
        assertThat(history.get("assessments").size()).isEqualTo(2);
        assertThat(manager("home-office", "HOME-OFFICE", null).get("/api/v1/tensions").body()).contains("Protest planned after an attack abroad");
        assertThat(manager("camden", "LA-E09000007", "E09000007").get("/api/v1/tensions").body()).doesNotContain("Protest planned");
    }

    @Test
    void anIncidentShowsTheReferralsEitherSideAndTheWorkSince() {
        LocalDate today = LocalDate.now(clock);
        String incident = created(manager.postJson("/api/v1/incidents", """
                {"title":"Attack on a place of worship %s","occurredOn":"%s","areaCode":"E08000021","description":"Arson at night; no injuries."}"""
                .formatted(suffix, today.minusDays(7)))).get("id").asString();
        // Other tests refer people in this area too (the database is shared): the test counts what its own referrals add.
        int[] before = referrals(incident);
        var referrer = http().bearer(AccessFixtures.token(context, AccessFixtures.createUser(context, "tensions.referrer." + suffix, Role.REFERRER,
                "LA-E08000021", "E08000021"), 1));
        clock.advance(Duration.ofDays(-10));
        refer(referrer, 2);
        clock.reset();
        refer(referrer, 6);
        created(manager.postJson("/api/v1/engagement/events", """
                {"areaCode":"E08000021","kind":"FAITH","title":"Reassurance meeting %s","heldOn":"%s","audience":"Congregation","attendance":80}"""
                .formatted(suffix, today.minusDays(5))));
        created(manager.postJson("/api/v1/tensions", """
                {"areaCode":"E08000021","level":3,"indicators":"Anger online","sources":"Schools","reassurance":"Leaflets in three languages",
                 "reviewOn":"%s"}""".formatted(today.plusDays(7))));
        assertThat(manager.postJson("/api/v1/incidents/" + incident + "/public-lines", "{\"line\":\"\",\"approvedBy\":\"\"}").statusCode()).isEqualTo(400);
        created(manager.postJson("/api/v1/incidents/" + incident + "/public-lines",
                "{\"line\":\"We stand with the congregation; there is no place for hate here.\",\"approvedBy\":\"Chief Executive, Newcastle City Council\"}"));

        var view = json(manager.get("/api/v1/incidents/" + incident).body());
        var surge = view.get("surge");
        assertThat(surge.get("days").size()).isEqualTo(28);
        int[] after = referrals(incident);
        assertThat(after[0] - before[0]).as("the two referred ten days ago, three days before the incident").isEqualTo(2);
        assertThat(after[1] - before[1]).as("the six referred today, a week after it").isEqualTo(6);
        assertThat(surge.get("averageAfter").asDouble()).isEqualTo(Math.round(after[1] * 100.0 / 14) / 100.0);
        assertThat(view.get("engagementAfter").toString()).contains("Reassurance meeting " + suffix);
        assertThat(view.get("reassuranceAfter").toString()).contains("Leaflets in three languages");
        assertThat(view.get("lines").get(0).get("approvedBy").asString()).isEqualTo("Chief Executive, Newcastle City Council");
        assertThat(view.toString()).as("counts only: no referral's details").doesNotContain("Tension").doesNotContain("forename");

        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'programme.incident.viewed' and record_id = ?").param(incident)
                .query(Integer.class).single()).as("three reads: the lines name who approved them").isEqualTo(3);
        var other = manager("camden", "LA-E09000007", "E09000007");
        assertThat(other.get("/api/v1/incidents/" + incident).statusCode()).isEqualTo(404);
        assertThat(other.postJson("/api/v1/incidents/" + incident + "/public-lines", "{\"line\":\"x\",\"approvedBy\":\"y\"}").statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/incidents").body()).doesNotContain(incident);
    }

    /** Referrals counted on the incident's page in the fortnight before it and from it on. */
    private int[] referrals(String incident) {
        int[] sums = new int[2];
        json(manager.get("/api/v1/incidents/" + incident).body()).get("surge").get("days")
                .forEach(d -> sums[d.get("after").asBoolean() ? 1 : 0] += d.get("referrals").asInt());
        return sums;
    }

    private void refer(TestHttp referrer, int count) {
        for (int i = 0; i < count; i++) {
            var answer = referrer.send("POST", "/api/v1/referrals", """
                    {"forename":"Tension","surname":"Example%s","dateOfBirth":"2010-05-06","gender":"FEMALE","postcode":"NE1 4ST",
                     "localAuthority":"E08000021","personAware":"NO","concern":"Synthetic concern for the tensions test.",
                     "referrerName":"Example Teacher","referrerOrganisation":"Example Academy","referrerSector":"EDUCATION",
                     "referrerEmail":"dsl@academy.example"}""".formatted(Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x")),
                    "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        }
    }
}
