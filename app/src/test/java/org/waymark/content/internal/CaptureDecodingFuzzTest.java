package org.waymark.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * A captured file as the unit uploads it (any bytes): the type is read from the bytes (images, video, PDF, HTML), and an
 * image is decoded and perceptually hashed, a video decoded by FFmpeg and hashed frame by frame (vPDQ), or either kept
 * with exact hashes and a reason; a hostile file (a decompression bomb,
 * a truncated stream) never takes the server down with it.
 */
class CaptureDecodingFuzzTest {

    private static final VideoHasher VIDEOS = new VideoHasher(new ContentProperties(null, null, null, null, 1, 80));
    private final Captures captures = new Captures(null, null, null, VIDEOS, Clock.systemUTC(), new SimpleMeterRegistry());

    @FuzzTest
    void anyFileIsTypedAndHashedOrRefused(byte[] input) {
        var sniffed = Captures.sniff(input);
        if (sniffed == null) {
            assertThat(Captures.problem(input)).startsWith("content.file.");
            return;
        }
        var hashed = captures.hash(input, sniffed.fileType());
        assertThat(hashed.sha256()).hasSize(64);
        assertThat(hashed.md5()).hasSize(32);
        if (hashed.pdqHash() != null) {
            assertThat(hashed.pdqHash()).hasSize(64);
            assertThat(hashed.pdqQuality()).isBetween(0, 100);
            assertThat(hashed.dihedrals()).hasSize(8);
        }
        if (sniffed.fileType() == ContentEnums.FileType.VIDEO) {
            // FFmpeg reads it or it does not: frames with their hashes, or none and the reason.
            assertThat(hashed.frames().isEmpty()).isEqualTo(Captures.VIDEO_UNDECODABLE.equals(hashed.problem()));
            hashed.frames().forEach(f -> assertThat(f.quality()).isBetween(0, 100));
        }
    }

    @Test
    void anImageClaimingTooManyPixelsIsNotDecoded() throws Exception {
        byte[] bomb = getClass().getResourceAsStream("CaptureDecodingFuzzTestInputs/bomb-25000x25000.png").readAllBytes();
        assertThat(bomb.length).as("a few bytes claiming 625 million pixels").isLessThan(200);
        var hashed = captures.hash(bomb, Captures.sniff(bomb).fileType());
        assertThat(hashed.problem()).isEqualTo(Captures.TOO_LARGE);
        assertThat(hashed.sha256()).hasSize(64);
        assertThat(Previews.downscaled(bomb, 400)).isNull();
    }
}
