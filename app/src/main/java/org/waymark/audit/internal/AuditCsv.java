package org.waymark.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.waymark.csv.Csv;

/** The export format: one entry a row, RFC 4180 through Commons CSV, times in UTC, no cell a spreadsheet runs as a formula. */
final class AuditCsv {

    static final String HEADER = "id,occurred_at_utc,actor,organisation,action,event,record_type,record_id,person_id,recipient,reason";

    private AuditCsv() {
    }

    /** Writes the header and the entries onto {@code out}. */
    static void write(Appendable out, List<AuditEntry> entries) {
        try {
            out.append(HEADER).append('\n');
            CSVPrinter printer = Csv.printer(out);
            for (AuditEntry e : entries) {
                printer.printRecord(e.id(), e.occurredAt(), defuse(e.actor()), defuse(e.organisation()), defuse(e.action()), defuse(e.event()),
                        defuse(e.recordType()), defuse(e.recordId()), defuse(e.personId()), defuse(e.recipient()), defuse(e.reason()));
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Defuses spreadsheet formulas: a ' goes before any = + - @ (or their full-width forms, which some spreadsheets
     * read as the same) that starts the field or follows a comma, semicolon, tab or line break, since a spreadsheet
     * opened with another separator starts a new cell there.
     */
    static String defuse(String value) {
        if (value == null) {
            return null;
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
        return safe.toString();
    }

    private static final String TRIGGERS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";
    private static final String SEPARATORS = ",;\t\r\n";
}
