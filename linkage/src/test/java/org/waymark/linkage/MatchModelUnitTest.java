package org.waymark.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Collections;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MatchModelUnitTest {

    static MatchModel model;

    @BeforeAll
    static void train() {
        model = MatchModel.train(SyntheticPeople.generate(20_000, 3).records());
    }

    @Test
    void theSamePersonSpeltDifferentlyWithDayAndMonthSwappedIsALikelyMatchAndSaysWhy() {
        var march = MatchModel.record("Mohammed", "Khan-Iqbal", "2009-04-11", "LS6 2AB");
        var june = MatchModel.record("Muhammad", "Khan Iqbal", "2009-11-04", null);
        var match = model.compare(march, june);
        assertThat(match.probability()).isGreaterThan(0.9);
        assertThat(match.fields()).extracting(MatchModel.FieldComparison::field, MatchModel.FieldComparison::level)
                .contains(org.assertj.core.groups.Tuple.tuple("first_name", "equivalent"),
                        org.assertj.core.groups.Tuple.tuple("postcode", "missing"));
        assertThat(match.fields().stream().filter(f -> f.field().equals("dob")).findFirst().orElseThrow().level()).isEqualTo("day-month-transposed");
        assertThat(Collections.disjoint(model.storedKeys(march), model.queryKeys(june))).as("some blocking key finds it").isFalse();
    }

    @Test
    void namesTheWrongWayRoundAreFoundAndStrangersAreNot() {
        var stored = MatchModel.record("Jordan", "Ellis", "2008-02-29", "NW1 9ZZ");
        var swapped = MatchModel.record("Ellis", "Jordan", "2008-02-29", "NW1 9ZZ");
        assertThat(Collections.disjoint(model.storedKeys(stored), model.queryKeys(swapped))).isFalse();
        assertThat(model.compare(stored, swapped).probability()).isGreaterThan(0.9);
        var stranger = MatchModel.record("Priya", "Okafor", "1971-07-30", "CF10 1AA");
        assertThat(model.compare(stored, stranger).probability()).isLessThan(0.01);
        assertThat(Collections.disjoint(model.storedKeys(stored), model.queryKeys(stranger))).isTrue();
    }

    @Test
    void theWrittenModelReadsBackToTheSameWeights() {
        var copy = MatchModel.read(new StringReader(model.write()));
        var a = MatchModel.record("Amelia", "Turner", "2010-05-06", "M1 1AE");
        var b = MatchModel.record("Amelia", "Turnor", "2010-06-05", "M1 1AE");
        assertThat(copy.compare(a, b).weight()).isCloseTo(model.compare(a, b).weight(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(copy.write()).isEqualTo(model.write());
        assertThat(model.weight(a, b)).isEqualTo(model.compare(a, b).weight());
    }

    @Test
    void anEncodedRecordComparesExactlyAsTheRecord() {
        var a = MatchModel.record("Mary-Ann", "O'Neil", "2010-05-06", null);
        var b = MatchModel.record("Mary", "ONeil", "2010-06-05", "M1 1AE");
        var decoded = MatchModel.decode(MatchModel.encode(a));
        assertThat(decoded.fields()).isEqualTo(a.fields());
        assertThat(model.compare(decoded, MatchModel.decode(MatchModel.encode(b))).weight()).isEqualTo(model.compare(a, b).weight());
        assertThat(MatchModel.decode(MatchModel.encode(MatchModel.record(null, "Ellis", null, null))).fields()).containsOnlyKeys("surname",
                "surname~dm", "surname~dma");
    }

    @Test
    void aModelThatDoesNotFitTheCodeIsRefused() {
        String text = model.write().replace("jaro-winkler>=0.92", "jaro-winkler>=0.9");
        assertThatThrownBy(() -> MatchModel.read(new StringReader(text))).hasMessageContaining("retrain");
        String missing = model.write().lines().filter(l -> !l.contains("\tdob\texact\t")).reduce("", (x, y) -> x + y + "\n");
        assertThatThrownBy(() -> MatchModel.read(new StringReader(missing))).hasMessageContaining("lacks level 'exact' of dob");
    }
}
