package org.waymark.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class VpdqMatcherUnitTest {

    /** A hash with the first {@code bits} bits set: distances between such hashes are differences of counts. */
    private static Hash256 ones(int bits) {
        long[] w = new long[4];
        for (int b = 0; b < bits; b++) {
            w[b / 64] |= 1L << (b % 64);
        }
        return Hash256.ofWords(w[0], w[1], w[2], w[3]);
    }

    private static VpdqFeature frame(int number, int quality, Hash256 hash) {
        return new VpdqFeature(number, quality, hash, number / 30.0);
    }

    private static List<VpdqFeature> frames(int... bitCounts) {
        var out = new ArrayList<VpdqFeature>();
        for (int i = 0; i < bitCounts.length; i++) {
            out.add(frame(i, 100, ones(bitCounts[i])));
        }
        return out;
    }

    @Test
    void aFrameMatchesWithinThirtyOneBitsAndNotAtThirtyTwo() {
        var matcher = VpdqMatcher.defaults();
        assertThat(matcher.compare(frames(0), frames(31)).candidatePercent()).isEqualTo(100.0);
        assertThat(matcher.compare(frames(0), frames(32)).candidatePercent()).isEqualTo(0.0);
    }

    @Test
    void percentagesCountUniqueHashesOnEachSideAndTheCandidatesDecides() {
        // The query: 4 distinct hashes, one repeated; the candidate: 2 of them and 3 far away.
        var query = frames(0, 0, 0, 100, 200, 250);
        var candidate = frames(100, 200, 0 + 150, 60, 30 + 170);
        var result = VpdqMatcher.defaults().compare(query, candidate);
        // Query uniques {0, 100, 200, 250}: 100 and 200 are in the candidate, 250 is 50 bits from 200, 0 is 60 from 60 -> 2 of 4.
        assertThat(result.queryPercent()).isEqualTo(50.0);
        // Candidate {100, 200, 150, 60, 200 (repeat)} -> uniques {100, 200, 150, 60}: 100, 200 match; 150 is 50 from 100/200; 60 is 40 from 100.
        assertThat(result.candidatePercent()).isEqualTo(50.0);
        assertThat(result.match()).isFalse();
        assertThat(new VpdqMatcher(31, 50, 50.0).compare(query, candidate).match()).as("a threshold reached exactly").isTrue();
    }

    @Test
    void lowQualityFramesAreLeftOutAfterDuplicatesAsTheReferenceDoes() {
        // The first frame with a hash stands for it: its low quality drops the hash even though a later copy is good.
        var query = List.of(frame(0, 10, ones(0)), frame(1, 100, ones(0)), frame(2, 100, ones(100)));
        assertThat(VpdqMatcher.defaults().usable(query)).containsExactly(ones(100));
    }

    @Test
    void aSideWithNothingUsableMatchesNothing() {
        var poor = List.of(frame(0, 49, ones(0)));
        var result = VpdqMatcher.defaults().compare(poor, frames(0));
        assertThat(result.queryPercent()).isZero();
        assertThat(result.candidatePercent()).isZero();
        assertThat(result.match()).isFalse();
    }

    @Test
    void settingsOutsideTheirRangesAreRefused() {
        assertThatThrownBy(() -> new VpdqMatcher(-1, 50, 80)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VpdqMatcher(31, 101, 80)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VpdqMatcher(31, 50, 100.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VpdqMatcher(31, 50, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linesRoundTripInTheReferenceFormatAndBadLinesSayWhere() {
        String line = "12,87," + ones(5).toHex() + ",0.400";
        assertThat(VpdqFeature.parse(line).toLine()).isEqualTo(line);
        assertThat(VpdqFeature.parseAll(List.of("# clip.mp4", "", line))).hasSize(1);
        assertThatThrownBy(() -> VpdqFeature.parseAll(List.of(line, "12,87,zz,0.4"))).hasMessageStartingWith("line 2: ");
        assertThatThrownBy(() -> VpdqFeature.parse("1,2,3")).hasMessageContaining("found 3 fields");
        assertThatThrownBy(() -> VpdqFeature.parse("1,101," + ones(1).toHex() + ",0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VpdqFeature.parse("x,50," + ones(1).toHex() + ",0")).hasMessageContaining("not a number");
    }
}
