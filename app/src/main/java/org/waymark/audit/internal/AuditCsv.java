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
                printer.printRecord(e.id(), e.occurredAt(), Csv.defuse(e.actor()), Csv.defuse(e.organisation()), Csv.defuse(e.action()), Csv.defuse(e.event()),
                        Csv.defuse(e.recordType()), Csv.defuse(e.recordId()), Csv.defuse(e.personId()), Csv.defuse(e.recipient()), Csv.defuse(e.reason()));
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
