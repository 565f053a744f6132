package org.waymark.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringWriter;
import org.waymark.linkage.CsvRows;

/**
 * The one CSV reader every import shares (hash lists, the statistics import, reference data, linkage files): any text
 * is either rows or {@link CsvRows.Malformed}, and rows written back as Waymark writes CSV read back the same.
 * Regression inputs: src/test/resources/org/waymark/csv/CsvFuzzTestInputs; fuzz with bench/fuzz.sh.
 */
class CsvFuzzTest {

    @FuzzTest
    void anyTextIsRowsOrMalformed(byte[] input) throws IOException {
        CsvRows.Table table;
        try {
            table = Csv.read(new String(input, java.nio.charset.StandardCharsets.UTF_8));
        } catch (CsvRows.Malformed expected) {
            assertThat(expected.getMessage()).startsWith("line ");
            return;
        }
        if (table.header().isEmpty()) {
            return;
        }
        var out = new StringWriter();
        try (var printer = Csv.printer(out)) {
            printer.printRecord(table.header());
            for (var row : table.rows()) {
                printer.printRecord(row.fields());
            }
        }
        var again = Csv.read(out.toString());
        assertThat(again.header()).isEqualTo(table.header());
        assertThat(again.rows().stream().map(CsvRows.Row::fields).toList())
                .isEqualTo(table.rows().stream().map(CsvRows.Row::fields).toList());
    }
}
