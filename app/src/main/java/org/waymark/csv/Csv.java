package org.waymark.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.waymark.linkage.CsvRows;

/**
 * Every CSV Waymark reads or writes, through Apache Commons CSV (RFC 4180): quoted fields may hold commas
 * ("Bristol, City of"), doubled quotes and line breaks; a broken quote is an error naming its line.
 */
public final class Csv {

    /** What Waymark writes: a field quoted only where it must be (a comma, quote or line break in it), a line feed after each row. */
    public static final CSVFormat OUT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).setRecordSeparator("\n").get();

    private static final String TRIGGERS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";
    private static final String SEPARATORS = ",;\t\r\n";

    private Csv() {
    }

    /** The rows of a CSV file on the classpath, header left out, blank lines skipped. */
    public static List<String[]> resource(String path) {
        try (InputStream in = Csv.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("reference data " + path + " is missing from the build");
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8)).rows().stream()
                    .map(r -> r.fields().toArray(String[]::new)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        } catch (CsvRows.Malformed e) {
            throw new IllegalStateException("reference data " + path + ", " + e.getMessage(), e);
        }
    }

    /** A CSV text: its header and rows, each with the line it starts on. Throws {@link CsvRows.Malformed}. */
    public static CsvRows.Table read(String text) {
        return CsvRows.read(text);
    }

    /** A printer of rows in {@link #OUT} onto {@code out}; the caller flushes it. */
    public static CSVPrinter printer(Appendable out) {
        try {
            return new CSVPrinter(out, OUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Defuses spreadsheet formulas: a ' goes before any = + - @ (or their full-width forms, which some spreadsheets
     * read as the same) that starts the field or follows a comma, semicolon, tab or line break, since a spreadsheet
     * opened with another separator starts a new cell there.
     */
    public static String defuse(String value) {
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

}
