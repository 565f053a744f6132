package org.waymark.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class VpdqHasherUnitTest {

    private static Path clip() throws Exception {
        return Path.of(VpdqHasherUnitTest.class.getResource("/vpdq-conformance/videos/test-padded-dimensions.mp4").toURI());
    }

    @Test
    @Timeout(60)
    void workersThatAreShutDownRefuseTheHashInsteadOfHangingIt() throws Exception {
        var workers = Executors.newFixedThreadPool(2);
        workers.shutdown();
        var hasher = new VpdqHasher(workers, 2);
        assertThatThrownBy(() -> hasher.hash(clip(), 0, 0)).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void oneFrameEverySoManySecondsAsTheReferenceCountsThem() throws Exception {
        try (var workers = Executors.newFixedThreadPool(2)) {
            var hasher = new VpdqHasher(workers, 2);
            // 30 frames a second: every 0.5 s is every 15th frame; 150 frames give 10.
            var half = hasher.hash(clip(), 0.5, 0);
            assertThat(half).extracting(VpdqFeature::frameNumber).containsExactly(0L, 15L, 30L, 45L, 60L, 75L, 90L, 105L, 120L, 135L);
            assertThat(half.get(1).timestampSeconds()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(hasher.hash(clip(), 0, 64)).hasSize(150).allMatch(f -> f.quality() >= 0 && f.quality() <= 100);
        }
    }
}
