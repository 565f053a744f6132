package org.waymark.uploads;

import java.util.Set;

/**
 * The one check every upload passes, whatever the form: a file was chosen, it is not too large, and its bytes are one
 * of the types this form accepts. Answers a message code under the form's own prefix, so each page words it its way.
 */
public final class Uploads {

    private Uploads() {
    }

    /** What was found: the detected type, or the problem as {@code prefix + ".missing" | ".tooLarge" | ".type"}. */
    public record Checked(String mediaType, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    public static Checked check(byte[] bytes, long mostBytes, Set<String> accepted, String prefix) {
        if (bytes == null || bytes.length == 0) {
            return new Checked(null, prefix + ".missing");
        }
        if (bytes.length > mostBytes) {
            return new Checked(null, prefix + ".tooLarge");
        }
        String type = FileTypes.detect(bytes);
        return accepted.contains(type) ? new Checked(type, null) : new Checked(type, prefix + ".type");
    }

    /**
     * A file name as a sender gave it, made fit to show and to put in a Content-Disposition header: the last path
     * segment, control and format characters (such as a right-to-left override that makes "gpj.exe" read "exe.jpg")
     * and quotes replaced, at most {@code longest} characters keeping the end (the extension), {@code fallback} if
     * nothing is left.
     */
    public static String safeName(String name, String fallback, int longest) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cc}\\p{Cf}\"]", "_").strip();
        return base.isEmpty() ? fallback : base.length() > longest ? base.substring(base.length() - longest) : base;
    }
}
