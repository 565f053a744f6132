package org.waymark.content.internal;

import org.apache.commons.codec.digest.DigestUtils;
import org.waymark.uploads.Uploads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.waymark.content.internal.ContentEnums.FileType;
import org.waymark.content.internal.ContentEnums.HashAlgorithm;
import org.waymark.content.internal.ContentRecords.Capture;
import org.waymark.pdq.PdqHasher;
import org.waymark.pdq.VpdqFeature;

/**
 * A captured file: its type found from its bytes (never from its name or the browser's say-so), its
 * SHA-256 and MD5, for images a PDQ hash with quality, and its matches against the bank of known content.
 */
@Component
class Captures {

    static final long MAX_BYTES = 20L * 1024 * 1024;

    /** What the bytes are: a media type to serve it as and the TCAP file type. */
    record Sniffed(String mediaType, FileType fileType) {
    }

    /** {@code problem}: why an image has no perceptual hash, as a message code (a re-upload is then caught only exactly). */
    record Hashed(String sha256, String md5, String pdqHash, Integer pdqQuality, List<org.waymark.pdq.Hash256> dihedrals, List<VpdqFeature> frames,
            String problem) {
        static Hashed exactOnly(String sha256, String md5, String problem) {
            return new Hashed(sha256, md5, null, null, List.of(), List.of(), problem);
        }
    }

    static final String UNDECODABLE = "content.capture.hash.undecodable";
    static final String FAILED = "content.capture.hash.failed";
    static final String TOO_LARGE = "content.capture.hash.tooLarge";
    static final String VIDEO_UNDECODABLE = "content.capture.hash.videoUndecodable";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Captures.class);

    private final ContentStore store;
    private final HashBank bank;
    private final VideoBank videos;
    private final VideoHasher videoHasher;
    private final Clock clock;
    private final PdqHasher hasher = new PdqHasher();
    private final io.micrometer.core.instrument.Counter hashingFailures;

    Captures(ContentStore store, HashBank bank, VideoBank videos, VideoHasher videoHasher, Clock clock,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.store = store;
        this.bank = bank;
        this.videos = videos;
        this.videoHasher = videoHasher;
        this.clock = clock;
        this.hashingFailures = io.micrometer.core.instrument.Counter.builder("waymark.content.hashing.failures")
                .description("Images captured without a perceptual hash because hashing failed: re-uploads of them are caught only exactly")
                .register(meters);
    }

    /** What the unit captures, by the media type Tika finds in the bytes, with the TCAP file type each is. */
    static final Map<String, FileType> CAPTURED = Map.ofEntries(Map.entry("image/jpeg", FileType.IMAGE), Map.entry("image/png", FileType.IMAGE),
            Map.entry("image/gif", FileType.IMAGE), Map.entry("image/bmp", FileType.IMAGE), Map.entry("image/webp", FileType.IMAGE),
            Map.entry("application/pdf", FileType.PDF), Map.entry("video/mp4", FileType.VIDEO), Map.entry("video/quicktime", FileType.VIDEO),
            Map.entry("video/webm", FileType.VIDEO), Map.entry("video/x-m4v", FileType.VIDEO), Map.entry("text/html", FileType.HTML),
            Map.entry("application/xhtml+xml", FileType.HTML));

    /** The type of a file from its bytes, or null if it is not one the unit captures. */
    static Sniffed sniff(byte[] bytes) {
        var checked = Uploads.check(bytes, MAX_BYTES, CAPTURED.keySet(), "content.file");
        return checked.ok() ? new Sniffed(checked.mediaType(), CAPTURED.get(checked.mediaType())) : null;
    }

    /** What is wrong with a captured file, as a message code ({@code content.file.tooLarge}, {@code .type}), or null. */
    static String problem(byte[] bytes) {
        return Uploads.check(bytes, MAX_BYTES, CAPTURED.keySet(), "content.file").problem();
    }

    Hashed hash(byte[] bytes, FileType type) {
        String sha256 = DigestUtils.sha256Hex(bytes);
        String md5 = DigestUtils.md5Hex(bytes);
        if (type == FileType.VIDEO) {
            return hashVideo(sha256, md5, bytes);
        }
        if (type != FileType.IMAGE) {
            return Hashed.exactOnly(sha256, md5, null);
        }
        try {
            var image = BoundedImages.read(bytes);
            if (image == null) {
                // WebP and other formats javax.imageio cannot decode: exact hashes only, and the capture says so.
                return Hashed.exactOnly(sha256, md5, UNDECODABLE);
            }
            var all = hasher.dihedralHashes(image);
            return new Hashed(sha256, md5, all.hashes()[0].toHex(), all.quality(), Arrays.asList(all.hashes()), List.of(), null);
        } catch (BoundedImages.TooLarge e) {
            return Hashed.exactOnly(sha256, md5, TOO_LARGE);
        } catch (IOException | RuntimeException e) {
            // Never silent: the capture shows it, the counter alerts, the log says why (the file's digest, never its content).
            hashingFailures.increment();
            log.warn("Perceptual hashing failed for captured image {}: {}", sha256, e.toString());
            return Hashed.exactOnly(sha256, md5, FAILED);
        }
    }

    /** A video's vPDQ hash (a frame every so many seconds); a video FFmpeg cannot read is caught only exactly, and says so. */
    private Hashed hashVideo(String sha256, String md5, byte[] bytes) {
        try {
            return new Hashed(sha256, md5, null, null, List.of(), videoHasher.hash(bytes), null);
        } catch (java.io.IOException | RuntimeException e) {
            hashingFailures.increment();
            log.warn("Video hashing failed for captured video {}: {}", sha256, e.getMessage());
            return Hashed.exactOnly(sha256, md5, VIDEO_UNDECODABLE);
        }
    }

    /**
     * Stores the file (once, however many captures share it), records the capture, and records every
     * match: exact on SHA-256 and MD5, perceptual on PDQ (any of the image's eight rotations and flips
     * within distance 31) unless the image's quality is under 50. Returns the capture.
     */
    Capture store(UUID itemId, String fileName, byte[] bytes, Sniffed sniffed, String by) {
        return store(itemId, fileName, bytes, sniffed, by, hash(bytes, sniffed.fileType()));
    }

    /** As {@link #store(UUID, String, byte[], Sniffed, String)}, with the file hashed already (outside the transaction). */
    Capture store(UUID itemId, String fileName, byte[] bytes, Sniffed sniffed, String by, Hashed h) {
        if (!store.fileExists(h.sha256())) {
            store.insertFile(h.sha256(), h.md5(), bytes);
        }
        Instant now = Instant.now(clock);
        var capture = new Capture(UUID.randomUUID(), itemId, h.sha256(), h.md5(), bytes.length, cleanName(fileName), sniffed.mediaType(),
                sniffed.fileType(), h.pdqHash(), h.pdqQuality(), by, now, h.problem());
        store.insertCapture(capture);
        store.insertFrames(capture.id(), h.frames());
        for (var m : matches(h)) {
            store.insertMatch(capture.id(), m, now);
        }
        return capture;
    }

    /** A match; for a video, the shares of each side's frames that matched and where in the capture (seconds), else null. */
    record BankMatch(long bankId, HashAlgorithm algorithm, int distance, Double capturePercent, Double bankPercent, Double segmentStart,
            Double segmentEnd) {
        BankMatch(long bankId, HashAlgorithm algorithm, int distance) {
            this(bankId, algorithm, distance, null, null, null, null);
        }
    }

    List<BankMatch> matches(Hashed h) {
        var found = new ArrayList<BankMatch>();
        bank.exact(HashAlgorithm.SHA256, h.sha256()).ifPresent(e -> found.add(new BankMatch(e.id(), HashAlgorithm.SHA256, 0)));
        bank.exact(HashAlgorithm.MD5, h.md5()).ifPresent(e -> found.add(new BankMatch(e.id(), HashAlgorithm.MD5, 0)));
        if (h.pdqQuality() != null && h.pdqQuality() >= HashBank.PDQ_MIN_QUALITY) {
            for (var m : bank.matchPdq(h.dihedrals())) {
                found.add(new BankMatch(m.bankId(), HashAlgorithm.PDQ, m.distance()));
            }
        }
        if (!h.frames().isEmpty()) {
            found.addAll(frameMatches(h.frames()));
            for (var v : videos.match(h.frames())) {
                found.add(new BankMatch(v.videoId(), HashAlgorithm.VPDQ, v.distance(), v.queryPercent(), v.candidatePercent(), v.segmentStart(),
                        v.segmentEnd()));
            }
        }
        return found;
    }

    /** A frame of a known image is a hit too: each banked image any usable frame is within PDQ's radius of, where it appears. */
    private List<BankMatch> frameMatches(List<VpdqFeature> frames) {
        var usable = frames.stream().filter(f -> f.quality() >= HashBank.PDQ_MIN_QUALITY).toList();
        var each = bank.matchEach(usable.stream().map(VpdqFeature::hash).toList());
        var byImage = new java.util.LinkedHashMap<Long, BankMatch>();
        for (int i = 0; i < usable.size(); i++) {
            double at = usable.get(i).timestampSeconds();
            for (var m : each.get(i)) {
                byImage.merge(m.bankId(), new BankMatch(m.bankId(), HashAlgorithm.PDQ, m.distance(), null, null, at, at),
                        (a, b) -> new BankMatch(a.bankId(), HashAlgorithm.PDQ, Math.min(a.distance(), b.distance()), null, null,
                                Math.min(a.segmentStart(), at), Math.max(a.segmentEnd(), at)));
            }
        }
        return List.copyOf(byImage.values());
    }

    /** A file name fit to show and to put in a header: no path, no control characters, not too long. */
    static String cleanName(String name) {
        return Uploads.safeName(name, "capture", 200);
    }
}
