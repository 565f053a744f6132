package org.waymark.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.linkage.ComparisonUnitTest.person;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** People are formed without chaining, and blocking rules combined never produce a pair twice. */
class ClusteringUnitTest {

    private final Comparison forename = Comparison.name(Fields.FIRST_NAME, Fields.SURNAME, NameEquivalents.standard());
    private final Linker linker = new Linker(List.of(forename), List.of(
            new Linker.BlockingRule("surname", r -> r.get(Fields.SURNAME)),
            new Linker.BlockingRule("dob", r -> r.get(Fields.DOB))), 0.5, 1);

    @Test
    void aStrongLinkThroughAThirdRecordDoesNotJoinTwoDifferentPeople() {
        var records = List.of(person("Alice", "Smith", "1990-01-01"), person("Alice", "Smith", null), person("Zebedee", "Smith", "1975-06-30"));
        var renumbered = List.of(at(records.get(0), 0), at(records.get(1), 1), at(records.get(2), 2));
        double[][] m = {{0.9, 0.02, 0.01, 0.02, 0.02, 0.02, 0.01}};
        double[][] u = {{0.01, 0.001, 0.001, 0.002, 0.003, 0.003, 0.98}};
        var model = new Linker.Model(List.of(forename), m, u, 0.5, 0.01);
        // Connected components over these two pairs would make one person of all three.
        var pairs = List.of(new Linker.ScoredPair(0, 1, 10, 0.999), new Linker.ScoredPair(1, 2, 9, 0.998));
        int[] cluster = linker.cluster(renumbered, pairs, model, Map.of(), false);
        assertThat(cluster[0]).isEqualTo(cluster[1]);
        assertThat(cluster[2]).isNotEqualTo(cluster[0]);
    }

    @Test
    void blockingRulesCombinedGiveEachPairOnce() {
        var records = List.of(at(person("Ann", "Lee", "2001-02-03"), 0), at(person("Anne", "Lee", "2001-02-03"), 1),
                at(person("Bo", "Lee", "1999-09-09"), 2));
        long[] pairs = linker.candidatePairs(records, false);
        // (0,1) shares both surname and date of birth, but appears once; (0,2) and (1,2) share the surname.
        assertThat(pairs).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void thePriorCountsPairsOfAMillionRecordsWithoutOverflow() {
        assertThat(Linker.allPairs(1_000_000)).isEqualTo(499_999_500_000.0);
        assertThat(Linker.allPairs(2)).isEqualTo(1.0);
    }

    @Test
    void comparisonPatternsSurviveEncoding() {
        byte[] levels = {0, -1, 6, 3, -1, 1, 2, 0, 5, 4, -1};
        assertThat(Linker.decode(Linker.encode(levels), levels.length)).containsExactly(levels);
    }

    private static PersonRecord at(PersonRecord r, int index) {
        return new PersonRecord(index, r.source(), r.rowId(), r.fields());
    }
}
