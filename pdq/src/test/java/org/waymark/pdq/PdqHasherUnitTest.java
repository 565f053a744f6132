package org.waymark.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PdqHasherUnitTest {

    private final PdqHasher hasher = new PdqHasher();

    private static BufferedImage image(int width, int height, java.util.function.IntBinaryOperator rgb) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb.applyAsInt(x, y));
            }
        }
        return image;
    }

    @Test
    void imagesReadFromTheirBytesHashExactlyAsTheirPixelsDo() {
        var random = new Random(11);
        var rgb = image(641, 479, (x, y) -> random.nextInt(0x1000000));
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_GRAY,
                BufferedImage.TYPE_BYTE_INDEXED}) {
            var bytes = new BufferedImage(641, 479, type);
            bytes.getGraphics().drawImage(rgb, 0, 0, null);
            // The same pixels as getRGB sees them (a grey or palette image's colours are what its colour model makes
            // of its bytes), in a layout that takes the row-by-row path.
            var pixels = image(641, 479, bytes::getRGB);
            assertThat(PdqHasher.luminance(bytes)).as("type %d", type).isEqualTo(PdqHasher.luminance(pixels));
            assertThat(hasher.dihedralHashes(bytes).hashes()).isEqualTo(hasher.dihedralHashes(pixels).hashes());
        }
        var bgr = new BufferedImage(641, 479, BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(rgb, 0, 0, null);
        // A view into a larger image is not its own bytes: it takes the row-by-row path, and still hashes the view.
        var view = bgr.getSubimage(10, 20, 300, 200);
        assertThat(PdqHasher.packed(view, new int[] {2, 1, 0})).isFalse();
        assertThat(hasher.hash(view).hash()).isEqualTo(hasher.hash(rgb.getSubimage(10, 20, 300, 200)).hash());
    }

    @Test
    void aFlatImageHasNoQuality() {
        assertThat(hasher.hash(image(200, 150, (x, y) -> 0x808080)).quality()).isZero();
    }

    @Test
    void qualityGrowsWithDetailAndIsCappedAt100() {
        // A ramp rising 4 grey levels per 64x64 cell: each horizontal pair counts 1, so about 4032 / 90 = 44.
        int gentle = hasher.hash(image(256, 256, (x, y) -> x * 0x010101)).quality();
        var random = new Random(7);
        int noisy = hasher.hash(image(256, 256, (x, y) -> random.nextInt(0x1000000))).quality();
        assertThat(gentle).isBetween(1, 99);
        assertThat(noisy).isGreaterThan(gentle).isLessThanOrEqualTo(100);
    }

    @Test
    void aSmallChangeMovesFewBitsAndAnInversionMovesMost() {
        var random = new Random(11);
        int[] base = new int[320 * 240];
        for (int i = 0; i < base.length; i++) {
            base[i] = random.nextInt(256);
        }
        var original = image(320, 240, (x, y) -> base[y * 320 + x] * 0x010101);
        var brighter = image(320, 240, (x, y) -> Math.min(255, base[y * 320 + x] + 3) * 0x010101);
        var inverted = image(320, 240, (x, y) -> (255 - base[y * 320 + x]) * 0x010101);
        var h = hasher.hash(original).hash();
        assertThat(h.distance(hasher.hash(brighter).hash())).isLessThanOrEqualTo(31);
        assertThat(h.distance(hasher.hash(inverted).hash())).isGreaterThan(200);
    }

    @Test
    void hexRoundTripsAndDistanceCountsBits() {
        var zero = Hash256.parse("0".repeat(64));
        var one = Hash256.parse("0".repeat(63) + "1");
        var top = Hash256.parse("8" + "0".repeat(63));
        assertThat(one.toHex()).isEqualTo("0".repeat(63) + "1");
        assertThat(zero.distance(one)).isEqualTo(1);
        assertThat(one.distance(top)).isEqualTo(2);
        assertThatThrownBy(() -> Hash256.parse("abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void commandPrintsOneLinePerImageAndExplainsBadFiles() throws Exception {
        Path dir = Files.createTempDirectory("pdq");
        Path png = dir.resolve("grey.png");
        javax.imageio.ImageIO.write(image(64, 64, (x, y) -> (x * 4) * 0x010101), "png", png.toFile());
        Path text = Files.writeString(dir.resolve("notes.txt"), "not an image");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = PdqCommand.run(new String[] {"hash", png.toString(), text.toString(), dir.resolve("missing.jpg").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).matches("[0-9a-f]{64},\\d+," + java.util.regex.Pattern.quote(png.toString()) + "\\R");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("notes.txt: not an image format").contains("missing.jpg: no such file");
        assertThat(PdqCommand.run(new String[] {"hash"}, System.out, new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
        assertThat(hasher.hash(new ByteArrayInputStream(Files.readAllBytes(png))).hash().toHex()).hasSize(64);
    }
}
