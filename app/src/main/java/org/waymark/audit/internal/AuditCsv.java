package org.waymark.audit.internal;

/** The export format: one entry a line, RFC 4180 quoting, times in UTC. */
final class AuditCsv {

    static final String HEADER = "id,occurred_at_utc,actor,organisation,action,event,record_type,record_id,person_id,recipient,reason";

    private AuditCsv() {
    }

    static String row(AuditEntry e) {
        return String.join(",", String.valueOf(e.id()), e.occurredAt().toString(), q(e.actor()), q(e.organisation()),
                q(e.action()), q(e.event()), q(e.recordType()), q(e.recordId()), q(e.personId()), q(e.recipient()), q(e.reason()));
    }

    /** Quotes every field and defuses spreadsheet formulas (a leading = + - @ is prefixed with '). */
    static String q(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
