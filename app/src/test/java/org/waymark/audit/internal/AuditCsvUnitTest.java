package org.waymark.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.waymark.csv.Csv;

/** Exported audit text cannot become a formula, whichever separator the spreadsheet that opens it uses, and reads back as written. */
class AuditCsvUnitTest {

    @Test
    void aFormulaAtTheStartOfAnyCellASpreadsheetMightSeeIsDefused() {
        assertThat(org.waymark.csv.Csv.defuse("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(org.waymark.csv.Csv.defuse("a;=cmd|' /C calc'!A0")).isEqualTo("a;'=cmd|' /C calc'!A0");
        assertThat(org.waymark.csv.Csv.defuse("a,+1")).isEqualTo("a,'+1");
        assertThat(org.waymark.csv.Csv.defuse("line\n@SUM(A1)")).isEqualTo("line\n'@SUM(A1)");
        assertThat(org.waymark.csv.Csv.defuse("\uFF1D1+1")).isEqualTo("'\uFF1D1+1");
        assertThat(org.waymark.csv.Csv.defuse("x;\uFF0B1")).isEqualTo("x;'\uFF0B1");
    }

    @Test
    void ordinaryTextIsLeftAsItIs() {
        assertThat(org.waymark.csv.Csv.defuse("GET /api/v1/cases/1-2-3")).isEqualTo("GET /api/v1/cases/1-2-3");
        assertThat(org.waymark.csv.Csv.defuse("a = b")).isEqualTo("a = b");
        assertThat(org.waymark.csv.Csv.defuse(null)).isNull();
    }

    @Test
    void anEntryWithCommasQuotesAndLineBreaksReadsBackFieldForField() {
        var entry = new AuditEntry(7, java.util.UUID.randomUUID(), Instant.parse("2026-12-02T06:00:00Z"), "sam, the \"analyst\"", "MPS",
                "CONSULTATION", "case.viewed", "CASE", "c-1", null, null, "first line\nsecond line", "mac");
        var out = new StringBuilder();
        AuditCsv.write(out, List.of(entry));
        var table = Csv.read(out.toString());
        assertThat(String.join(",", table.header())).isEqualTo(AuditCsv.HEADER);
        assertThat(table.rows()).hasSize(1);
        assertThat(table.rows().get(0).fields()).containsExactly("7", "2026-12-02T06:00:00Z", "sam, the \"analyst\"", "MPS", "CONSULTATION",
                "case.viewed", "CASE", "c-1", "", "", "first line\nsecond line");
    }
}
