package org.waymark.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class VpdqIndexUnitTest {

    @Test
    void answersEqualComparingWithEveryVideoAndACopyFindsItsSource() {
        var synthetic = new SyntheticVideos(17);
        var index = new VpdqIndex(VpdqMatcher.defaults());
        Map<Long, List<VpdqFeature>> stored = new HashMap<>();
        for (long id = 0; id < 1_500; id++) {
            stored.put(id, synthetic.video(60));
        }
        // Most in bulk, as a bank loads at start; the rest one by one, as videos are banked later.
        var bulk = new HashMap<Long, List<VpdqFeature>>();
        stored.forEach((id, frames) -> {
            if (id < 1_000) {
                bulk.put(id, frames);
            }
        });
        index.addAll(bulk);
        stored.forEach((id, frames) -> index.add(id, frames));
        assertThat(index.videos()).isEqualTo(1_500);

        for (long id = 0; id < 1_500; id += 37) {
            var copy = synthetic.copy(stored.get(id), 8);
            var found = index.match(copy);
            assertThat(found).as("video %d", id).isEqualTo(index.bruteForce(copy));
            assertThat(found).extracting(VpdqIndex.Match::videoId).first().isEqualTo(id);
            assertThat(found.get(0).candidatePercent()).isEqualTo(100.0);
        }
        var unrelated = synthetic.video(60);
        assertThat(index.match(unrelated)).isEqualTo(index.bruteForce(unrelated)).isEmpty();
    }

    @Test
    void aRemovedVideoNoLongerMatchesAndAHalfCopyMatchesOnlyTheShareItHas() {
        var synthetic = new SyntheticVideos(5);
        var index = new VpdqIndex(VpdqMatcher.defaults());
        var video = synthetic.video(40);
        index.add(1, video);
        // The capture holds the first half of the known video: half its frames are found, under the 80% threshold.
        assertThat(index.match(video.subList(0, 20))).isEmpty();
        var lenient = new VpdqIndex(new VpdqMatcher(31, 50, 50));
        lenient.add(1, video);
        var half = lenient.match(video.subList(0, 20));
        assertThat(half).singleElement().satisfies(m -> {
            assertThat(m.candidatePercent()).isEqualTo(50.0);
            assertThat(m.queryPercent()).isEqualTo(100.0);
            assertThat(m.segmentStart()).isEqualTo(0.0);
            assertThat(m.segmentEnd()).isEqualTo(19.0);
            assertThat(m.distance()).isZero();
        });
        index.remove(1);
        assertThat(index.match(video)).isEmpty();
        assertThat(index.frames()).isZero();
    }
}
