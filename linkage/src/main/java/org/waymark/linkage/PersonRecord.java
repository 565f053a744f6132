package org.waymark.linkage;

import java.util.Map;

/**
 * One record about a person, cleaned: the fields Waymark compares ({@link Fields}), each a normalised
 * string or null when missing, the file it came from (0 or 1), and its row number there.
 */
public record PersonRecord(int index, int source, String rowId, Map<String, String> fields) {

    public String get(String field) {
        return fields.get(field);
    }
}
