package org.waymark.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.waymark.programme.internal.OfficerRecords.Deployment;
import org.waymark.programme.internal.OfficerRecords.Officer;
import org.waymark.programme.internal.OfficerRecords.OfficerKind;
import org.waymark.programme.internal.OfficerRecords.Post;

class OfficerRulesUnitTest {

    private static Officer officer(String name, OfficerKind kind) {
        return new Officer(UUID.randomUUID(), name, kind, "PF-X", null, "test", Instant.EPOCH);
    }

    @Test
    void coverageSetsEachAreasPostsAgainstWhoIsThereThatDay() {
        var a = officer("A", OfficerKind.PREVENT_ENGAGEMENT_OFFICER);
        var b = officer("B", OfficerKind.INTELLIGENCE_OFFICER);
        var posts = List.of(new Post("PF-X", "E1", OfficerKind.PREVENT_ENGAGEMENT_OFFICER, 2), new Post("PF-X", "E2", OfficerKind.PREVENT_ENGAGEMENT_OFFICER, 1));
        var deployments = List.of(
                new Deployment(UUID.randomUUID(), a.id(), "E1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), null, null),
                new Deployment(UUID.randomUUID(), b.id(), "E3", LocalDate.of(2026, 1, 1), null, null, null));
        var june = Coverage.on(LocalDate.of(2026, 6, 30), posts, List.of(a, b), deployments);
        assertThat(june).extracting(c -> c.areaCode() + " " + c.kind() + " " + c.established() + "/" + c.deployed() + " " + c.vacancies() + " " + c.status())
                .containsExactly("E1 PREVENT_ENGAGEMENT_OFFICER 2/1 1 GAP", "E2 PREVENT_ENGAGEMENT_OFFICER 1/0 1 UNCOVERED",
                        "E3 INTELLIGENCE_OFFICER 0/1 0 UNFUNDED");
        var july = Coverage.on(LocalDate.of(2026, 7, 1), posts, List.of(a, b), deployments);
        assertThat(july.get(0).status()).as("the last day counts; the day after does not").isEqualTo(Coverage.Status.UNCOVERED);
        var full = Coverage.on(LocalDate.of(2026, 3, 1), List.of(new Post("PF-X", "E1", OfficerKind.PREVENT_ENGAGEMENT_OFFICER, 1)), List.of(a), deployments);
        assertThat(full.get(0).status()).isEqualTo(Coverage.Status.COVERED);
        assertThat(full.get(0).officers()).containsExactly("A");
    }

    @Test
    void diversityWithholdsSmallCountsAndTheOneThatWouldRevealASmallCount() {
        var counts = new LinkedHashMap<String, Integer>(Map.of("Female", 12, "Male", 9, "Not stated", 2));
        var d = Diversity.of("SEX", counts);
        assertThat(d.total()).isEqualTo(23);
        assertThat(d.lines()).extracting(l -> l.category() + "=" + l.count() + "/" + l.percent())
                .containsExactly("Female=12/52.2", "Male=null/null", "Not stated=null/null");
        var two = Diversity.of("SEX", Map.of("A", 2, "B", 3, "C", 20));
        assertThat(two.lines()).extracting(l -> l.count()).containsExactly(null, null, 20);
        var none = Diversity.of("SEX", Map.of("A", 0, "B", 25));
        assertThat(none.lines()).extracting(l -> l.count()).as("zero reveals nobody").containsExactly(0, 25);
        var errors = new org.waymark.govuk.FormErrors();
        assertThat(Recruitment.lines("Female: 12\n\nNot stated:3\n", errors)).containsExactly(Map.entry("Female", 12), Map.entry("Not stated", 3));
        Recruitment.lines("Female twelve", errors);
        assertThat(errors.get("counts")).isPresent();
    }

    @Test
    void aSurgeComparesTheFortnightsEitherSideOfAnIncident() {
        var incident = LocalDate.of(2026, 5, 22);
        var perDay = Map.of(LocalDate.of(2026, 5, 8), 2, LocalDate.of(2026, 5, 7), 5, LocalDate.of(2026, 5, 22), 3, LocalDate.of(2026, 6, 4), 4,
                LocalDate.of(2026, 6, 5), 9);
        var surge = Surge.around(incident, perDay);
        assertThat(surge.days()).hasSize(28);
        assertThat(surge.days().get(0).day()).isEqualTo(LocalDate.of(2026, 5, 8));
        assertThat(surge.averageBefore()).as("2 in 14 days; the 7th is outside").isEqualTo(0.14);
        assertThat(surge.averageAfter()).as("3 + 4 in 14 days; the incident's own day counts after, 5 June is outside").isEqualTo(0.5);
        assertThat(surge.changePercent()).isEqualTo(250);
        assertThat(Surge.around(incident, Map.of(incident, 1)).changePercent()).as("a rise from nothing").isNull();
    }
}
