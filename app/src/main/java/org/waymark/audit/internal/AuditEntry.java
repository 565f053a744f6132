package org.waymark.audit.internal;

import java.time.Instant;
import java.util.UUID;

/** One stored audit entry. Its canonical form is what the MAC and the hash chain cover. */
record AuditEntry(long id, UUID entryUuid, Instant occurredAt, String actor, String organisation, String action,
        String event, String recordType, String recordId, String personId, String recipient, String reason, String mac) {

    /** Length-prefixed fields: unambiguous whatever characters the values hold. */
    String canonical() {
        var out = new StringBuilder(256);
        for (String field : new String[] {entryUuid.toString(), occurredAt.toString(), actor, organisation, action, event,
                recordType, recordId, personId, recipient, reason}) {
            if (field == null) {
                out.append("-1:");
            } else {
                out.append(field.length()).append(':').append(field);
            }
            out.append('|');
        }
        return out.toString();
    }
}
