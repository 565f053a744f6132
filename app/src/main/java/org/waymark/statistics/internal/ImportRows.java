package org.waymark.statistics.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.waymark.csv.Csv;
import org.waymark.linkage.CsvRows;
import org.waymark.statistics.internal.Categories.Category;

/**
 * Reads a legacy system's referrals in the import format ({@code docs/import-format.md}) into statistical records,
 * or says what is wrong with each row: row number (the file's line) and reason. Nothing is read into records when
 * anything is wrong; the caller stores all or nothing.
 */
final class ImportRows {

    static final List<String> COLUMNS = List.of("reference", "referral_date", "sector", "local_authority_code", "date_of_birth",
            "age_at_referral", "gender", "ethnicity", "type_of_concern", "mental_health_or_neurodiversity", "screening_outcome",
            "screening_date", "discussed_at_panel_date", "adopted_date", "exit_date", "person_key");

    /** Where an authority sits: its force area and CTP region, or nothing for a code we do not know. */
    record Place(String forceArea, String ctpRegion) {
    }

    record Problem(long row, String reason) {
        @Override
        public String toString() {
            return row == 0 ? reason : "row " + row + ": " + reason;
        }
    }

    /** The records read, each reference's row, and what was wrong. */
    record Result(List<StatisticalRecord> records, java.util.Map<String, Long> rows, List<Problem> problems) {
    }

    private final Function<String, Optional<Place>> places;
    private final LocalDate today;

    ImportRows(Function<String, Optional<Place>> places, LocalDate today) {
        this.places = places;
        this.today = today;
    }

    Result read(String text) {
        CsvRows.Table table;
        try {
            table = Csv.read(text);
        } catch (CsvRows.Malformed e) {
            return new Result(List.of(), java.util.Map.of(), List.of(new Problem(e.line(), "the file is not valid CSV: " + e.getMessage().replaceFirst("^line \\d+: ", ""))));
        }
        var missing = COLUMNS.stream().filter(c -> table.column(c) < 0).toList();
        if (!missing.isEmpty()) {
            return new Result(List.of(), java.util.Map.of(), List.of(new Problem(1, "the header has no column " + String.join(", ", missing))));
        }
        if (table.rows().isEmpty()) {
            return new Result(List.of(), java.util.Map.of(), List.of(new Problem(0, "the file has a header but no referrals")));
        }
        var records = new ArrayList<StatisticalRecord>();
        var problems = new ArrayList<Problem>();
        var seen = new HashSet<String>();
        var rows = new java.util.HashMap<String, Long>();
        for (CsvRows.Row row : table.rows()) {
            var reasons = new ArrayList<String>();
            var record = record(table, row, reasons);
            String reference = row.field(table.column("reference"));
            if (reference != null && !reference.isBlank() && !seen.add(reference.strip())) {
                reasons.add("reference " + reference.strip() + " appears more than once in the file");
            }
            if (reasons.isEmpty()) {
                records.add(record);
                rows.put(record.reference(), row.line());
            } else {
                reasons.forEach(r -> problems.add(new Problem(row.line(), r)));
            }
        }
        return problems.isEmpty() ? new Result(records, rows, List.of()) : new Result(List.of(), java.util.Map.of(), problems);
    }

    private StatisticalRecord record(CsvRows.Table table, CsvRows.Row row, List<String> reasons) {
        var cell = new Cells(table, row, reasons);
        String reference = reference(cell, reasons);
        LocalDate referred = referralDate(cell, reasons);
        String la = cell.text("local_authority_code");
        Place place = null;
        if (la != null) {
            la = la.toUpperCase(Locale.ROOT);
            place = places.apply(la).orElse(null);
            if (place == null) {
                reasons.add("local_authority_code " + la + " is not a local authority in England or Wales");
            }
        }
        LocalDate born = cell.date("date_of_birth");
        Integer givenAge = cell.integer("age_at_referral", 0, 120);
        if (born != null && referred != null && born.isAfter(referred)) {
            reasons.add("date_of_birth " + born + " is after the referral_date");
        }
        String sector = cell.category("sector", Categories.SECTORS);
        String gender = cell.category("gender", Categories.GENDERS);
        String ethnicity = cell.category("ethnicity", Categories.ETHNICITIES);
        String concern = referred == null ? null : cell.category("type_of_concern", Categories.concernsFor(FinancialPeriod.yearOf(referred)).categories());
        Boolean mentalHealth = cell.bool("mental_health_or_neurodiversity");
        String outcome = cell.category("screening_outcome", Categories.OUTCOMES);
        LocalDate screened = cell.date("screening_date");
        LocalDate discussed = cell.date("discussed_at_panel_date");
        LocalDate adopted = cell.date("adopted_date");
        LocalDate exited = cell.date("exit_date");
        // Stage dates out of order are history as the old system recorded it: kept, and left out of working days.
        String personKey = cell.text("person_key");
        if (personKey != null && personKey.length() > 64) {
            reasons.add("person_key is longer than 64 characters");
        }
        if (!reasons.isEmpty()) {
            return null;
        }
        return new StatisticalRecord(reference, null, true, referred, sector, la, place == null ? null : place.forceArea(),
                place == null ? null : place.ctpRegion(), AgeGroups.age(born, givenAge, referred), gender == null ? Categories.UNKNOWN : gender,
                ethnicity == null ? Categories.UNKNOWN : ethnicity, Categories.UNKNOWN, mentalHealth, concern, outcome, screened, discussed, adopted, null, null,
                exited, null, null, personKey);
    }

    private static String reference(Cells cell, List<String> reasons) {
        String reference = cell.text("reference");
        if (reference == null) {
            reasons.add("reference is empty");
        } else if (reference.length() > 40) {
            reasons.add("reference is longer than 40 characters");
        }
        return reference;
    }

    private LocalDate referralDate(Cells cell, List<String> reasons) {
        LocalDate referred = cell.date("referral_date");
        if (referred == null && cell.text("referral_date") == null) {
            reasons.add("referral_date is empty");
        }
        if (referred != null && referred.isAfter(today)) {
            reasons.add("referral_date " + referred + " is in the future");
        }
        if (referred != null && referred.isBefore(LocalDate.of(FinancialPeriod.FIRST_YEAR, 4, 1))) {
            reasons.add("referral_date " + referred + " is before April " + FinancialPeriod.FIRST_YEAR);
        }
        return referred;
    }

    /** The cells of one row, each read by its column's rule; a bad value adds its reason and reads as unknown. */
    private record Cells(CsvRows.Table table, CsvRows.Row row, List<String> reasons) {

        String text(String column) {
            String value = row.field(table.column(column));
            return value == null || value.isBlank() ? null : value.strip();
        }

        LocalDate date(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    throw new DateTimeParseException("shape", value, 0);
                }
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                reasons.add(column + " \"" + value + "\" is not a date as yyyy-mm-dd");
                return null;
            }
        }

        Integer integer(String column, int min, int max) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < min || parsed > max) {
                    reasons.add(column + " " + parsed + " is not between " + min + " and " + max);
                    return null;
                }
                return parsed;
            } catch (NumberFormatException e) {
                reasons.add(column + " \"" + value + "\" is not a whole number");
                return null;
            }
        }

        Boolean bool(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> {
                    reasons.add(column + " \"" + value + "\" is not true or false");
                    yield null;
                }
            };
        }

        String category(String column, List<Category> categories) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            var code = Categories.codeOf(categories, value);
            if (code.isEmpty()) {
                reasons.add(column + " \"" + value + "\" is not one of: " + String.join(", ", categories.stream().map(Category::label).toList()));
                return null;
            }
            return code.get();
        }
    }
}
