package org.waymark.referral.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a referral may carry: PDF, images and office documents up to 20 MB. The type is read from the bytes,
 * never from the name the sender gave, so a renamed executable is refused.
 */
final class Documents {

    static final int MAX_BYTES = 20 * 1024 * 1024;

    private Documents() {
    }

    /** A file as it arrived. */
    record Upload(String name, byte[] bytes) {
        boolean present() {
            return bytes != null && bytes.length > 0;
        }
    }

    /** The media type the bytes are, or null when they are none of the accepted kinds. */
    /** What is wrong with an upload, as a message code, or null: nothing chosen, too large, not a type we accept. */
    static String problem(Upload upload) {
        if (upload == null || !upload.present()) {
            return "referral.document.missing";
        }
        if (upload.bytes().length > MAX_BYTES) {
            return "referral.document.tooLarge";
        }
        return sniff(upload.bytes()) == null ? "referral.document.type" : null;
    }

    static String sniff(byte[] b) {
        if (starts(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (starts(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a})) {
            return "image/png";
        }
        if (starts(b, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return "image/jpeg";
        }
        if (starts(b, "GIF87a".getBytes(StandardCharsets.US_ASCII)) || starts(b, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return "image/gif";
        }
        if (b.length > 12 && starts(b, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && new String(b, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return "image/webp";
        }
        if (starts(b, new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1})) {
            return "application/x-ole-storage"; // Word 97-2003, Excel 97-2003
        }
        if (starts(b, new byte[] {'P', 'K', 3, 4})) {
            // Office Open XML names its parts in the first entries; OpenDocument starts with its mimetype entry.
            String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1);
            if (head.contains("mimetypeapplication/vnd.oasis.opendocument.")) {
                return "application/vnd.oasis.opendocument";
            }
            if (head.contains("[Content_Types].xml") || head.contains("word/") || head.contains("xl/") || head.contains("ppt/")) {
                return head.contains("word/") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                        : head.contains("xl/") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        : head.contains("ppt/") ? "application/vnd.openxmlformats-officedocument.presentationml.presentation"
                        : "application/vnd.openxmlformats-officedocument";
            }
        }
        return null;
    }

    static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "document";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
        return base.isEmpty() ? "document" : base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    private static boolean starts(byte[] bytes, byte[] prefix) {
        return bytes != null && bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
