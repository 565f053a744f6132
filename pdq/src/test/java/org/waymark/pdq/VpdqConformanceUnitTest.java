package org.waymark.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Waymark's vPDQ against the reference implementation's own frame hashes. Decoders and float arithmetic differ,
 * so, as the reference's regression test does, a hash agrees when it is within the match distance: each clip must
 * agree at 95% or more of frames, frame by frame and as bags both ways, at full size and at 128x128; and every
 * match decision between two clips must be the one the reference's hashes give.
 */
class VpdqConformanceUnitTest {

    private static final double AGREEMENT = 95.0;
    private static ExecutorService workers;
    private static VpdqHasher hasher;

    @BeforeAll
    static void start() {
        int cores = Runtime.getRuntime().availableProcessors();
        workers = Executors.newFixedThreadPool(cores);
        hasher = new VpdqHasher(workers, cores);
    }

    @AfterAll
    static void stop() {
        workers.close();
    }

    static Path ownSet() throws Exception {
        return Path.of(VpdqConformanceUnitTest.class.getResource("/vpdq-conformance/README.md").toURI()).getParent();
    }

    /** The eight clips beside a workspace checkout, when there is one. */
    static Path sharedSet() {
        return PdqConformanceUnitTest.shared("vpdq", "videos");
    }

    @Test
    void agreesWithTheReferenceOnTheRepositorysOwnClips() throws Exception {
        var full = check(ownSet(), 0, "");
        var small = check(ownSet(), 128, "-128x128");
        assertThat(full).containsKeys("test-padded-dimensions", "pattern-sd-grey-bar");
        assertThat(small).containsKey("pattern-sd-grey-bar");
    }

    @Test
    void agreesWithTheReferenceOnTheSharedClipsAndDecidesEveryPairAsItDoes() throws Exception {
        Path shared = sharedSet();
        for (var size : List.of(new Object[] {0, ""}, new Object[] {128, "-128x128"})) {
            Map<String, Pair> clips = check(shared, (int) size[0], (String) size[1]);
            assertThat(clips).as("clips with reference hashes at %s", size[1]).hasSizeGreaterThanOrEqualTo(7);
            var matcher = VpdqMatcher.defaults();
            List<String> wrong = new ArrayList<>();
            for (var query : clips.entrySet()) {
                for (var candidate : clips.entrySet()) {
                    if (query.getKey().equals(candidate.getKey())) {
                        continue;
                    }
                    var ours = matcher.compare(query.getValue().ours(), candidate.getValue().ours());
                    var theirs = matcher.compare(query.getValue().reference(), candidate.getValue().reference());
                    if (ours.match() != theirs.match()) {
                        wrong.add(query.getKey() + " vs " + candidate.getKey() + size[1] + ": ours " + ours + ", reference " + theirs);
                    }
                }
            }
            assertThat(wrong).isEmpty();
        }
    }

    @Test
    void theChairVariantsMatchAndNoChairMatchesAPattern() throws Exception {
        Path shared = sharedSet();
        Map<String, Pair> clips = check(shared, 0, "");
        var matcher = VpdqMatcher.defaults();
        assertThat(matcher.compare(clips.get("chair-22-sd-grey-bar").ours(), clips.get("chair-orig-22-sd-bar").ours()).match()).isTrue();
        assertThat(matcher.compare(clips.get("chair-19-sd-bar").ours(), clips.get("chair-22-with-small-logo-bar").ours()).match()).isTrue();
        for (String chair : List.of("chair-19-sd-bar", "chair-22-sd-grey-bar", "chair-22-with-small-logo-bar", "chair-orig-22-sd-bar")) {
            for (String pattern : List.of("pattern-hd-no-bar", "pattern-sd-grey-bar", "pattern-sd-with-large-logo-bar")) {
                assertThat(matcher.compare(clips.get(chair).ours(), clips.get(pattern).ours()).match()).as(chair + " vs " + pattern).isFalse();
                assertThat(matcher.compare(clips.get(pattern).ours(), clips.get(chair).ours()).match()).as(pattern + " vs " + chair).isFalse();
            }
        }
        assertThat(matcher.compare(clips.get("pattern-sd-grey-bar").ours(), clips.get("pattern-sd-with-large-logo-bar").ours()).match())
                .as("the clip with a large logo").isFalse();
    }

    record Pair(List<VpdqFeature> ours, List<VpdqFeature> reference) {
    }

    private static final Map<String, Map<String, Pair>> HASHED = new TreeMap<>();

    /** Hashes every clip with reference hashes of this size (once per run) and checks the agreement of each. */
    private static synchronized Map<String, Pair> check(Path set, int downsample, String suffix) throws Exception {
        String key = set + suffix;
        if (HASHED.containsKey(key)) {
            return HASHED.get(key);
        }
        Map<String, Pair> clips = new TreeMap<>();
        List<String> disagreements = new ArrayList<>();
        try (var videos = Files.list(set.resolve("videos"))) {
            for (Path video : videos.filter(v -> v.toString().endsWith(".mp4")).sorted().toList()) {
                String clip = video.getFileName().toString().replaceFirst("\\.mp4$", "");
                Path expected = set.resolve("hashes").resolve(clip + suffix + ".txt");
                if (!Files.exists(expected)) {
                    continue;
                }
                var reference = VpdqFeature.parseAll(Files.readAllLines(expected));
                var ours = hasher.hash(video, 0, downsample);
                clips.put(clip, new Pair(ours, reference));
                String problem = disagreement(ours, reference);
                if (problem != null) {
                    disagreements.add(clip + suffix + ": " + problem);
                }
            }
        }
        assertThat(disagreements).isEmpty();
        HASHED.put(key, clips);
        return clips;
    }

    /** Null when the two agree; otherwise what differs. */
    static String disagreement(List<VpdqFeature> ours, List<VpdqFeature> reference) {
        if (ours.size() != reference.size()) {
            return ours.size() + " frames, the reference has " + reference.size();
        }
        int agreeing = 0;
        for (int i = 0; i < ours.size(); i++) {
            VpdqFeature a = ours.get(i);
            VpdqFeature b = reference.get(i);
            if (a.frameNumber() != b.frameNumber() || Math.abs(a.timestampSeconds() - b.timestampSeconds()) > 0.0015) {
                return "frame " + i + " is numbered " + a.frameNumber() + " at " + a.timestampSeconds() + "s, the reference's " + b.frameNumber()
                        + " at " + b.timestampSeconds() + "s";
            }
            if (a.hash().distance(b.hash()) <= VpdqMatcher.DEFAULT_DISTANCE) {
                agreeing++;
            }
        }
        double byFrame = agreeing * 100.0 / ours.size();
        var bags = new VpdqMatcher(VpdqMatcher.DEFAULT_DISTANCE, 0, AGREEMENT).compare(ours, reference);
        if (byFrame < AGREEMENT || bags.queryPercent() < AGREEMENT || bags.candidatePercent() < AGREEMENT) {
            return String.format("frame by frame %.1f%%, ours in the reference's %.1f%%, the reference's in ours %.1f%%", byFrame, bags.queryPercent(),
                    bags.candidatePercent());
        }
        return null;
    }
}
