package org.waymark.linkage;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as RFC 4180 has it, read with Apache Commons CSV: quoted fields may hold commas, doubled quotes and line
 * breaks; a quote left open is an error naming its line. Shared with the application, so there is one reader.
 */
public final class CsvRows {

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private CsvRows() {
    }

    /** A row and the line of the file it starts on. */
    public record Row(long line, List<String> fields) {

        public String field(int i) {
            return i >= 0 && i < fields.size() ? fields.get(i) : null;
        }
    }

    /** The header (trimmed, lower-cased, without a byte-order mark) and every row after it. */
    public record Table(List<String> header, List<Row> rows) {

        public int column(String name) {
            return header.indexOf(name.toLowerCase(Locale.ROOT));
        }
    }

    /** The file could not be read as CSV; {@code line} is where the broken row starts. */
    public static final class Malformed extends IllegalArgumentException {
        private final long line;

        Malformed(long line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    /**
     * Line numbers of record starts, counted as the parser moves forward: each call counts the line breaks between
     * the previous record's start and this one's, so a file is scanned once. The parser places a record after blank
     * lines at the first of them; the number is of the line the record's text is on.
     */
    private static final class LineCounter {
        private final String body;
        private int scanned = 0;
        private long breaks = 0;

        LineCounter(String body) {
            this.body = body;
        }

        long lineOf(int position) {
            int start = position;
            while (start < body.length() && (body.charAt(start) == '\n' || body.charAt(start) == '\r')) {
                start++;
            }
            for (; scanned < start; scanned++) {
                if (body.charAt(scanned) == '\n') {
                    breaks++;
                }
            }
            return 1 + breaks;
        }
    }

    public static Table read(String text) {
        String body = text.startsWith("\ufeff") ? text.substring(1) : text;
        var rows = new ArrayList<Row>();
        List<String> header = null;
        long nextLine = 1;
        var lines = new LineCounter(body);
        try (CSVParser parser = CSVParser.parse(new StringReader(body), FORMAT)) {
            var records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = lines.lineOf((int) record.getCharacterPosition());
                nextLine = parser.getCurrentLineNumber() + 1;
                var fields = record.toList();
                if (header == null) {
                    // A byte order mark is never part of a column's name, wherever a spreadsheet left it.
                    header = fields.stream().map(h -> h.replace("\ufeff", "").strip().toLowerCase(Locale.ROOT)).toList();
                } else if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                    rows.add(new Row(line, fields));
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new Malformed(nextLine, "a quoted field is not closed, or a quote stands inside a field that is not quoted");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Table(header == null ? List.of() : header, rows);
    }
}
