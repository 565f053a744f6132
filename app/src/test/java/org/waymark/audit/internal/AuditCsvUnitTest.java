package org.waymark.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Exported audit text cannot become a formula, whichever separator the spreadsheet that opens it uses. */
class AuditCsvUnitTest {

    @Test
    void aFormulaAtTheStartOfAnyCellASpreadsheetMightSeeIsDefused() {
        assertThat(AuditCsv.q("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditCsv.q("a;=cmd|' /C calc'!A0")).isEqualTo("\"a;'=cmd|' /C calc'!A0\"");
        assertThat(AuditCsv.q("a,+1")).isEqualTo("\"a,'+1\"");
        assertThat(AuditCsv.q("line\n@SUM(A1)")).isEqualTo("\"line\n'@SUM(A1)\"");
        assertThat(AuditCsv.q("\uFF1D1+1")).isEqualTo("\"'\uFF1D1+1\"");
        assertThat(AuditCsv.q("x;\uFF0B1")).isEqualTo("\"x;'\uFF0B1\"");
    }

    @Test
    void ordinaryTextIsLeftAsItIs() {
        assertThat(AuditCsv.q("GET /api/v1/cases/1-2-3")).isEqualTo("\"GET /api/v1/cases/1-2-3\"");
        assertThat(AuditCsv.q("a = b")).isEqualTo("\"a = b\"");
        assertThat(AuditCsv.q(null)).isEmpty();
    }
}
