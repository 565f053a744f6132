package org.waymark.pdq;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic vPDQ hashes for tests and benchmarks: a video is a random walk of frame hashes (each frame a few bits
 * from the one before, a new shot now and then), as consecutive frames of a real video are; a copy is the same
 * frames each moved a few bits, as a re-encode moves them.
 */
public final class SyntheticVideos {

    private final Random random;

    public SyntheticVideos(long seed) {
        this.random = new Random(seed);
    }

    public List<VpdqFeature> video(int frames) {
        var out = new ArrayList<VpdqFeature>(frames);
        Hash256 current = random();
        for (int i = 0; i < frames; i++) {
            current = i % 20 == 0 ? random() : flip(current, 4);
            out.add(new VpdqFeature(i, 80 + random.nextInt(21), current, i));
        }
        return out;
    }

    /** The video with every frame moved by up to {@code bits} bits. */
    public List<VpdqFeature> copy(List<VpdqFeature> video, int bits) {
        return video.stream().map(f -> new VpdqFeature(f.frameNumber(), f.quality(), flip(f.hash(), random.nextInt(bits + 1)), f.timestampSeconds()))
                .toList();
    }

    private Hash256 random() {
        return Hash256.ofWords(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    private Hash256 flip(Hash256 hash, int bits) {
        long[] w = {hash.word(0), hash.word(1), hash.word(2), hash.word(3)};
        for (int i = 0; i < bits; i++) {
            int bit = random.nextInt(256);
            w[bit / 64] ^= 1L << (bit % 64);
        }
        return Hash256.ofWords(w[0], w[1], w[2], w[3]);
    }
}
