package org.waymark.access;

/**
 * A record that does not exist, or that the user may not see: the two are deliberately indistinguishable
 * (404 in the web UI and the API), so that probing identifiers reveals nothing.
 */
public class RecordNotFoundException extends RuntimeException {

    private final String recordType;
    private final String recordId;

    public RecordNotFoundException(String recordType, String recordId) {
        super(recordType + " " + recordId + " not found");
        this.recordType = recordType;
        this.recordId = recordId;
    }

    public String recordType() {
        return recordType;
    }

    public String recordId() {
        return recordId;
    }
}
