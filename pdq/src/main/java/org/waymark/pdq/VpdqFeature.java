package org.waymark.pdq;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One hashed frame of a video: vPDQ's unit. A video's vPDQ hash is the list of these in frame order, written one
 * per line as {@code frame_number,quality,pdq_hash,timestamp_seconds}, the reference implementation's format.
 */
public record VpdqFeature(long frameNumber, int quality, Hash256 hash, double timestampSeconds) {

    public VpdqFeature {
        if (frameNumber < 0 || quality < 0 || quality > 100 || hash == null || !(timestampSeconds >= 0)) {
            throw new IllegalArgumentException("not a vPDQ frame: " + frameNumber + "," + quality + "," + hash + "," + timestampSeconds);
        }
    }

    /** The reference's line: the timestamp to the millisecond. */
    public String toLine() {
        return frameNumber + "," + quality + "," + hash.toHex() + "," + String.format(Locale.ROOT, "%.3f", timestampSeconds);
    }

    /** Parses one line; the message says what is wrong with it. */
    public static VpdqFeature parse(String line) {
        String[] f = line.strip().split(",", -1);
        if (f.length != 4) {
            throw new IllegalArgumentException("expected frame_number,quality,pdq_hash,timestamp_seconds, found " + f.length + " fields");
        }
        try {
            return new VpdqFeature(Long.parseLong(f[0].strip()), Integer.parseInt(f[1].strip()), Hash256.parse(f[2].strip()),
                    Double.parseDouble(f[3].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a frame number, quality or timestamp is not a number", e);
        }
    }

    /** Parses a file's lines, skipping blank lines and {@code #} comments (the CLI's {@code # FILE} headers). */
    public static List<VpdqFeature> parseAll(List<String> lines) {
        var features = new ArrayList<VpdqFeature>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                features.add(parse(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return features;
    }
}
