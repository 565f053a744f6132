package org.waymark.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract other tools drive: {@code vpdq hash} and {@code vpdq match}, their output and their refusals. */
class VpdqCommandUnitTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = VpdqCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path clip(String name) throws Exception {
        return Path.of(VpdqCommandUnitTest.class.getResource("/vpdq-conformance/videos/" + name).toURI());
    }

    @Test
    void hashPrintsAHeaderThenOneReferenceLinePerFrameForEachFile() throws Exception {
        Path video = clip("test-padded-dimensions.mp4");
        var result = run("hash", "--seconds-per-hash", "1", video.toString(), video.toString());
        assertThat(result.exit()).isZero();
        var lines = result.lines();
        assertThat(lines.get(0)).isEqualTo("# " + video);
        // 150 frames at 30 a second, one hashed every 30: frames 0, 30, 60, 90, 120.
        assertThat(lines.subList(1, 6)).extracting(l -> l.split(",")[0]).containsExactly("0", "30", "60", "90", "120");
        assertThat(lines.get(2)).matches("30,\\d{1,3},[0-9a-f]{64},1\\.000");
        assertThat(lines.get(6)).isEqualTo("# " + video);
        assertThat(lines).hasSize(12);
    }

    @Test
    void aFileThatIsNotAVideoIsNamedAndTheOthersAreStillHashed() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video");
        Path video = clip("test-padded-dimensions.mp4");
        var result = run("hash", "--seconds-per-hash", "5", text.toString(), dir.resolve("absent.mp4").toString(), video.toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains(text + ": not a video FFmpeg can open").contains("absent.mp4: no such file");
        assertThat(result.lines()).first().isEqualTo("# " + video);
    }

    @Test
    void matchEndsWithThePercentagesAndTheDecision() throws Exception {
        Path video = clip("test-padded-dimensions.mp4");
        Path hashes = dir.resolve("a.txt");
        Files.writeString(hashes, run("hash", "--seconds-per-hash", "1", video.toString()).out());
        var same = run("match", hashes.toString(), hashes.toString());
        assertThat(same.exit()).isZero();
        assertThat(same.lines().getLast()).isEqualTo("query_pct=100.000 candidate_pct=100.000 match=true");

        Path reference = Path.of(VpdqCommandUnitTest.class.getResource("/vpdq-conformance/hashes/pattern-sd-grey-bar.txt").toURI());
        var other = run("match", hashes.toString(), reference.toString());
        assertThat(other.lines().getLast()).isEqualTo("query_pct=0.000 candidate_pct=0.000 match=false");
        assertThat(run("match", "--threshold", "0", hashes.toString(), reference.toString()).lines().getLast()).endsWith("match=true");
    }

    @Test
    void badInputIsRefusedWithWhatIsWrong() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.txt"), "0,100,abc,0.000\n");
        var result = run("match", bad.toString(), bad.toString());
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("bad.txt: line 1: a PDQ hash is 64 hex digits");
        assertThat(run("match", "--threshold", "120", bad.toString(), bad.toString()).err()).contains("threshold 0-100");
        assertThat(run("hash", "--downsample", "-1", "x.mp4").exit()).isEqualTo(2);
        assertThat(run("match", bad.toString()).exit()).isEqualTo(2);
        assertThat(run().exit()).isEqualTo(2);
    }
}
