package org.waymark.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.waymark.pdq.PdqHasher;

/**
 * The hashing code path alone, image already decoded (decoding is measured by PdqHashBench).
 * Run: {@code bench/run.sh jmh PdqHashJmh -p image=../shared/data/pdq/images/bridge-mods/aaa-orig.jpg}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PdqHashJmh {

    @Param("../shared/data/pdq/images/bridge-mods/aaa-orig.jpg")
    public String image;

    private BufferedImage decoded;
    private final PdqHasher hasher = new PdqHasher();

    @Setup
    public void decode() throws Exception {
        decoded = ImageIO.read(Files.newInputStream(Path.of(image)));
    }

    @Benchmark
    public Object hashDecodedImage() {
        return hasher.hash(decoded);
    }

    @Benchmark
    public Object allEightDihedralHashes() {
        return hasher.dihedralHashes(decoded);
    }
}
