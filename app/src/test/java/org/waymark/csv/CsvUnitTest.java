package org.waymark.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.waymark.linkage.CsvRows;

/** The one CSV reader (Commons CSV): what RFC 4180 allows reads back as written; what it does not is an error with its line. */
class CsvUnitTest {

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        var table = Csv.read("code,name,note\nE06000023,\"Bristol, City of\",\"say \"\"hi\"\"\"\nE1,\"two\nlines\",\nE2,plain,x\n");
        assertThat(table.header()).containsExactly("code", "name", "note");
        assertThat(table.rows()).hasSize(3);
        assertThat(table.rows().get(0).fields()).containsExactly("E06000023", "Bristol, City of", "say \"hi\"");
        assertThat(table.rows().get(1).fields()).containsExactly("E1", "two\nlines", "");
        // Each row knows the line it starts on, a quoted line break and all.
        assertThat(table.rows().stream().map(CsvRows.Row::line)).containsExactly(2L, 3L, 5L);
    }

    @Test
    void aQuoteLeftOpenIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> Csv.read("hash,algorithm\nabc,MD5\n\"def,MD5\nghi,MD5\n"))
                .isInstanceOf(CsvRows.Malformed.class).hasMessageStartingWith("line 3:");
    }

    @Test
    void aByteOrderMarkBlankLinesAndHeaderCaseAreForgiven() {
        var table = Csv.read("\ufeffHash, Algorithm\n\nabc,MD5\n\n");
        assertThat(table.header()).containsExactly("hash", "algorithm");
        assertThat(table.column("ALGORITHM")).isEqualTo(1);
        assertThat(table.rows()).hasSize(1);
        assertThat(table.rows().get(0).line()).isEqualTo(3);
    }

    @Test
    void whatIsWrittenReadsBack() throws Exception {
        var out = new StringBuilder();
        try (var printer = Csv.printer(out)) {
            printer.printRecord("a", "b, c", "d \"e\"", "f\ng", null, 7);
        }
        assertThat(out.toString()).isEqualTo("a,\"b, c\",\"d \"\"e\"\"\",\"f\ng\",,7\n");
        assertThat(Csv.read("h1,h2,h3,h4,h5,h6\n" + out).rows().get(0).fields()).containsExactly("a", "b, c", "d \"e\"", "f\ng", "", "7");
    }
}
