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

    /** The media type the bytes are, or null when they are none of the accepted kinds. */
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
            return officePackage(b);
        }
        return null;
    }

    /**
     * A ZIP is an office document only if its directory says so: Office Open XML has [Content_Types].xml and its main
     * part (word/document.xml, xl/workbook.xml, ppt/presentation.xml); OpenDocument starts with a "mimetype" entry
     * naming an OpenDocument type. Anything else in a ZIP (a folder called "password" holding run.sh) is refused. Only
     * the central directory and the small mimetype entry are read, never the rest inflated, so a ZIP bomb costs nothing.
     */
    static String officePackage(byte[] b) {
        java.nio.file.Path file = null;
        try {
            file = java.nio.file.Files.createTempFile("waymark-upload", ".zip");
            java.nio.file.Files.write(file, b);
            try (var zip = new java.util.zip.ZipFile(file.toFile())) {
                var names = new java.util.HashSet<String>();
                var entries = zip.entries();
                while (entries.hasMoreElements() && names.size() < MAX_PACKAGE_ENTRIES) {
                    names.add(entries.nextElement().getName());
                }
                var mimetype = zip.getEntry("mimetype");
                if (mimetype != null && mimetype.getSize() >= 0 && mimetype.getSize() < 200) {
                    try (var in = zip.getInputStream(mimetype)) {
                        String type = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
                        if (type.startsWith("application/vnd.oasis.opendocument.")) {
                            return "application/vnd.oasis.opendocument";
                        }
                    }
                }
                if (!names.contains("[Content_Types].xml")) {
                    return null;
                }
                return names.contains("word/document.xml") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                        : names.contains("xl/workbook.xml") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        : names.contains("ppt/presentation.xml") ? "application/vnd.openxmlformats-officedocument.presentationml.presentation"
                        : null;
            }
        } catch (java.io.IOException | RuntimeException notAZip) {
            return null;
        } finally {
            if (file != null) {
                try {
                    java.nio.file.Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    // A temporary file in the JVM's own folder; the operating system clears it.
                }
            }
        }
    }

    /** More entries than any office document has: read no further. */
    static final int MAX_PACKAGE_ENTRIES = 10_000;

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
