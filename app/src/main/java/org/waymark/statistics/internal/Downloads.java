package org.waymark.statistics.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.waymark.csv.Csv;
import org.waymark.statistics.internal.PublishedTables.Table;

import com.github.miachm.sods.Sheet;
import com.github.miachm.sods.SpreadSheet;

/**
 * The statistics of a period as files: CSV (the counts of every breakdown in one table, columns as the API names
 * them) and ODS laid out as the Government Statistical Service's "Releasing statistics in spreadsheets" asks:
 * a cover sheet, a table of contents, a notes sheet, then one table per sheet, its title in A1, no merged cells,
 * no blank rows, numbers stored as numbers and {@code [c]} / {@code [x]} for suppressed and not available.
 */
final class Downloads {

    private Downloads() {
    }

    static String csv(ReferralStatistics s) {
        var out = new StringBuilder();
        try (var printer = Csv.printer(out)) {
            printer.printRecord("table", "code", "label", "referrals", "discussedAtPanel", "adopted");
            var t = s.totals();
            printer.printRecord("totals", "all", "All referrals", PublishedTables.cell(t.referrals()), PublishedTables.cell(t.discussedAtPanel()),
                    PublishedTables.cell(t.adopted()));
            printer.printRecord("totals", "repeatReferrals", "Repeat referrals", PublishedTables.cell(t.repeatReferrals()),
                    PublishedTables.NOT_AVAILABLE, PublishedTables.NOT_AVAILABLE);
            printer.printRecord("totals", "distinctPeople", "Distinct people referred", PublishedTables.cell(t.distinctPeople()),
                    PublishedTables.NOT_AVAILABLE, PublishedTables.NOT_AVAILABLE);
            for (var b : s.breakdowns().values()) {
                for (var r : b.rows()) {
                    printer.printRecord(b.key(), r.code(), r.label(), PublishedTables.cell(r.referrals()),
                            PublishedTables.cell(r.discussedAtPanel()), PublishedTables.cell(r.adopted()));
                }
            }
            for (var r : s.quarters()) {
                printer.printRecord("quarter", r.code(), r.label(), PublishedTables.cell(r.referrals()), PublishedTables.cell(r.discussedAtPanel()),
                        PublishedTables.cell(r.adopted()));
            }
            for (var r : s.years()) {
                printer.printRecord("financialYear", r.code(), r.label(), PublishedTables.cell(r.referrals()),
                        PublishedTables.cell(r.discussedAtPanel()), PublishedTables.cell(r.adopted()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static byte[] ods(ReferralStatistics s) {
        var tables = PublishedTables.of(s);
        var book = new SpreadSheet();
        book.appendSheet(sheet("Cover", List.of(
                List.of("Individuals referred to and supported through the Prevent programme: " + s.scope().name() + ", " + s.period().label()),
                List.of("This spreadsheet contains " + tables.size() + " tables of referrals to Prevent, counted by Waymark from live "
                        + "casework and imported history."),
                List.of("Period: " + s.period().from() + " to " + s.period().to() + " (a referral belongs to the period of its referral date)."),
                List.of("Counts from 1 to " + Math.max(0, s.threshold() - 1) + " are suppressed and shown as [c], with further counts "
                        + "suppressed so that none can be worked out; [x] means not available."),
                List.of("Definitions: see the Notes sheet and the service's statistics documentation."))));
        var contents = new ArrayList<List<Object>>();
        contents.add(List.of("Table of contents"));
        contents.add(List.of("Sheet", "Table title"));
        for (int i = 0; i < tables.size(); i++) {
            contents.add(List.of("Table_" + (i + 1), tables.get(i).title()));
        }
        book.appendSheet(sheet("Contents", contents));
        book.appendSheet(sheet("Notes", List.of(List.of("Notes"), List.of("Note number", "Note text"),
                List.of("Note 1", "The unit is the referral: a person referred twice counts twice. Distinct people are counted beside it."),
                List.of("Note 2", "Age is in completed years on the referral date, from the date of birth, else the age given, else unknown."),
                List.of("Note 3", "Discussed at a Channel panel means a panel discussion was recorded, whatever its date."),
                List.of("Note 4", "Types of concern are counted with the list in force for the year: " + s.concernList() + "."),
                List.of("Note 5", "Working days are Monday to Friday except England and Wales bank holidays, counted after the first date up to "
                        + "and including the second. The median of an even count is the mean of the two middle values; the 90th "
                        + "percentile is the nearest rank."),
                List.of("Note 6", "Shares are of referrals where the characteristic is known. A rate ratio compares the rate at which a "
                        + "group's referrals reach a stage with everyone else's; outside 0.8 to 1.25 it is flagged for review."))));
        for (int i = 0; i < tables.size(); i++) {
            book.appendSheet(table("Table_" + (i + 1), "Table " + (i + 1) + ": " + tables.get(i).title(), tables.get(i)));
        }
        var out = new ByteArrayOutputStream();
        try {
            book.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Sheet table(String name, String title, Table table) {
        var rows = new ArrayList<List<Object>>();
        rows.add(List.of(title));
        rows.add(List.copyOf(table.headings()));
        rows.addAll(table.rows());
        return sheet(name, rows);
    }

    private static Sheet sheet(String name, List<List<Object>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        var sheet = new Sheet(name, rows.size(), columns);
        for (int r = 0; r < rows.size(); r++) {
            var row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                sheet.getRange(r, c).setValue(v instanceof Long l ? (Object) l.doubleValue() : v instanceof Integer n ? (Object) n.doubleValue() : v);
            }
        }
        return sheet;
    }
}
