package org.waymark.pdq;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 256-bit hash as four longs. Hex form: 64 digits, most significant first, as PDQ's tools print it.
 * Bit {@code k = 16 * row + column} of the 16x16 coefficient block is bit {@code k} counted from the
 * least significant end.
 */
public final class Hash256 {

    private final long[] words;

    private Hash256(long[] words) {
        this.words = words;
    }

    static Hash256 fromCoefficients(float[][] dct) {
        float[] values = new float[256];
        for (int i = 0; i < 16; i++) {
            System.arraycopy(dct[i], 0, values, i * 16, 16);
        }
        float median = median(values.clone());
        long[] words = new long[4];
        for (int k = 0; k < 256; k++) {
            if (values[k] > median) {
                words[k >> 6] |= 1L << (k & 63);
            }
        }
        return new Hash256(words);
    }

    /** The lower median (element 127 of 256 sorted), as PDQ thresholds. */
    static float median(float[] values) {
        Arrays.sort(values);
        return values[values.length / 2 - 1];
    }

    public static Hash256 parse(String hex) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("a PDQ hash is 64 hex digits");
        }
        byte[] bytes = HexFormat.of().parseHex(hex);
        long[] words = new long[4];
        for (int w = 0; w < 4; w++) {
            long value = 0;
            for (int b = 0; b < 8; b++) {
                value = (value << 8) | (bytes[(3 - w) * 8 + b] & 0xff);
            }
            words[w] = value;
        }
        return new Hash256(words);
    }

    /** Builds a hash from four 64-bit words, least significant first. */
    public static Hash256 ofWords(long w0, long w1, long w2, long w3) {
        return new Hash256(new long[] {w0, w1, w2, w3});
    }

    /** Word {@code i} (0 = least significant). */
    public long word(int i) {
        return words[i];
    }

    public int distance(Hash256 other) {
        int d = 0;
        for (int w = 0; w < 4; w++) {
            d += Long.bitCount(words[w] ^ other.words[w]);
        }
        return d;
    }

    public String toHex() {
        var out = new StringBuilder(64);
        for (int w = 3; w >= 0; w--) {
            out.append(String.format("%016x", words[w]));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash256 h && Arrays.equals(words, h.words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
