package org.waymark.content.internal;

import org.apache.commons.codec.digest.DigestUtils;

import java.io.ByteArrayInputStream;
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
import java.util.Locale;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Component;
import org.waymark.content.internal.ContentEnums.FileType;
import org.waymark.content.internal.ContentEnums.HashAlgorithm;
import org.waymark.content.internal.ContentRecords.Capture;
import org.waymark.pdq.PdqHasher;

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

    record Hashed(String sha256, String md5, String pdqHash, Integer pdqQuality, List<org.waymark.pdq.Hash256> dihedrals) {
    }

    private final ContentStore store;
    private final HashBank bank;
    private final Clock clock;
    private final PdqHasher hasher = new PdqHasher();

    Captures(ContentStore store, HashBank bank, Clock clock) {
        this.store = store;
        this.bank = bank;
        this.clock = clock;
    }

    /** The type of a file from its first bytes, or null if it is not one the unit captures. */
    static Sniffed sniff(byte[] b) {
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return new Sniffed("image/jpeg", FileType.IMAGE);
        }
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return new Sniffed("image/png", FileType.IMAGE);
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return new Sniffed("image/gif", FileType.IMAGE);
        }
        if (starts(b, 'B', 'M') && b.length > 26) {
            return new Sniffed("image/bmp", FileType.IMAGE);
        }
        if (starts(b, 'R', 'I', 'F', 'F') && b.length > 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return new Sniffed("image/webp", FileType.IMAGE);
        }
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return new Sniffed("application/pdf", FileType.PDF);
        }
        if (b.length > 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            String brand = new String(b, 8, 4, StandardCharsets.US_ASCII);
            return new Sniffed(brand.startsWith("qt") ? "video/quicktime" : "video/mp4", FileType.VIDEO);
        }
        if (starts(b, 0x1A, 0x45, 0xDF, 0xA3)) {
            return new Sniffed("video/webm", FileType.VIDEO);
        }
        String head = new String(b, 0, Math.min(b.length, 512), StandardCharsets.UTF_8).stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("\ufeff")) {
            head = head.substring(1);
        }
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml") && head.contains("<html")) {
            return new Sniffed("text/html", FileType.HTML);
        }
        return null;
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    Hashed hash(byte[] bytes, FileType type) {
        String sha256 = DigestUtils.sha256Hex(bytes);
        String md5 = DigestUtils.md5Hex(bytes);
        if (type != FileType.IMAGE) {
            return new Hashed(sha256, md5, null, null, List.of());
        }
        try {
            var image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                // WebP and other formats javax.imageio cannot decode: exact hashes only.
                return new Hashed(sha256, md5, null, null, List.of());
            }
            var all = hasher.dihedralHashes(image);
            return new Hashed(sha256, md5, all.hashes()[0].toHex(), all.quality(), Arrays.asList(all.hashes()));
        } catch (IOException | RuntimeException e) {
            return new Hashed(sha256, md5, null, null, List.of());
        }
    }

    /**
     * Stores the file (once, however many captures share it), records the capture, and records every
     * match: exact on SHA-256 and MD5, perceptual on PDQ (any of the image's eight rotations and flips
     * within distance 31) unless the image's quality is under 50. Returns the capture.
     */
    Capture store(UUID itemId, String fileName, byte[] bytes, Sniffed sniffed, String by) {
        Hashed h = hash(bytes, sniffed.fileType());
        if (!store.fileExists(h.sha256())) {
            store.insertFile(h.sha256(), h.md5(), bytes);
        }
        Instant now = Instant.now(clock);
        var capture = new Capture(UUID.randomUUID(), itemId, h.sha256(), h.md5(), bytes.length, cleanName(fileName), sniffed.mediaType(),
                sniffed.fileType(), h.pdqHash(), h.pdqQuality(), by, now);
        store.insertCapture(capture);
        for (var m : matches(h)) {
            store.insertMatch(capture.id(), m.bankId(), m.algorithm(), m.distance(), now);
        }
        return capture;
    }

    record BankMatch(long bankId, HashAlgorithm algorithm, int distance) {
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
        return found;
    }

    /** A file name fit to show and to put in a header: no path, no control characters, not too long. */
    static String cleanName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (n.isEmpty()) {
            n = "capture";
        }
        return n.length() > 200 ? n.substring(0, 200) : n;
    }
}
