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
}
