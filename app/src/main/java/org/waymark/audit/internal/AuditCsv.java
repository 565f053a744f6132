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

    /**
     * Quotes every field and defuses spreadsheet formulas: a ' goes before any = + - @ (or their full-width forms,
     * which some spreadsheets read as the same) that starts the field or follows a comma, semicolon, tab or line
     * break, since a spreadsheet opened with another separator starts a new cell there.
     */
    static String q(String value) {
        if (value == null) {
            return "";
        }
        var safe = new StringBuilder(value.length() + 2);
        boolean cellStart = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (cellStart && TRIGGERS.indexOf(c) >= 0) {
                safe.append('\'');
            }
            safe.append(c);
            cellStart = SEPARATORS.indexOf(c) >= 0;
        }
        return "\"" + safe.toString().replace("\"", "\"\"") + "\"";
    }

    private static final String TRIGGERS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";
    private static final String SEPARATORS = ",;\t\r\n";
}
