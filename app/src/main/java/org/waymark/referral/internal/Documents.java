package org.waymark.referral.internal;

import java.util.Set;

import org.waymark.uploads.FileTypes;
import org.waymark.uploads.Uploads;

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

    /** What a referral may carry, as Tika names it; Word and Excel 97-2003 are OLE2 compound files. */
    static final Set<String> ACCEPTED = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", FileTypes.OLE2,
            "application/msword", "application/vnd.ms-excel", FileTypes.WORD, FileTypes.EXCEL, FileTypes.POWERPOINT, FileTypes.OPEN_DOCUMENT);

    /** What is wrong with an upload, as a message code, or null: nothing chosen, too large, not a type we accept. */
    static String problem(Upload upload) {
        return Uploads.check(upload == null ? null : upload.bytes(), MAX_BYTES, ACCEPTED, "referral.document").problem();
    }

    /** The media type the bytes are, or null when they are none of the accepted kinds. */
    static String sniff(byte[] bytes) {
        String type = FileTypes.detect(bytes);
        return !ACCEPTED.contains(type) ? null : type.equals(FileTypes.OLE2) ? "application/x-ole-storage" : type;
    }

    static String safeName(String name) {
        return Uploads.safeName(name, "document", 255);
    }
}
