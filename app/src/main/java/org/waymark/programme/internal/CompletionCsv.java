package org.waymark.programme.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.waymark.csv.Csv;
import org.waymark.govuk.Choices;
import org.waymark.govuk.TextRules;
import org.waymark.linkage.CsvRows;
import org.waymark.programme.internal.TrainingRecords.Course;
import org.waymark.programme.internal.TrainingRecords.Evidence;

/**
 * A file of training completions, as organisations keep them in spreadsheets (docs/user-guide/programme-manager.md):
 * {@code course,name,email,staff_number,role,completed_on,evidence,evidence_reference}, course by its name, dates as
 * YYYY-MM-DD. Read whole: any bad line refuses the file with every problem by line (the first 20).
 */
final class CompletionCsv {

    static final String HEADER = "course,name,email,staff_number,role,completed_on,evidence,evidence_reference";
    static final int MAX_PROBLEMS = 20;
    static final int MAX_ROWS = 50_000;

    private CompletionCsv() {
    }

    /** One line, checked: the course it names and the person's details. */
    record Line(long line, Course course, String name, String email, String staffNumber, String roleTitle, LocalDate completedOn,
            Evidence evidence, String evidenceReference) {

        /** Who the completion is of: staff number, else e-mail, else name, lower case. */
        String personKey() {
            String key = staffNumber != null ? "staff:" + staffNumber : email != null ? "email:" + email : "name:" + name;
            return key.toLowerCase(Locale.ROOT);
        }
    }

    static List<Line> parse(String text, Map<String, Course> coursesByLowerName, LocalDate today) {
        CsvRows.Table table;
        try {
            table = Csv.read(text);
        } catch (CsvRows.Malformed e) {
            throw new FileRejected(List.of(e.getMessage()));
        }
        if (table.header().isEmpty()) {
            throw new FileRejected(List.of("the file is empty: the first line must be the header " + HEADER));
        }
        for (String required : List.of("course", "name", "completed_on")) {
            if (table.column(required) < 0) {
                throw new FileRejected(List.of("line 1: the header must name at least the columns course, name and completed_on (" + HEADER + ")"));
            }
        }
        if (table.rows().size() > MAX_ROWS) {
            throw new FileRejected(List.of("the file has " + table.rows().size() + " lines; import at most " + MAX_ROWS + " at a time"));
        }
        var problems = new ArrayList<String>();
        var lines = new ArrayList<Line>();
        int more = 0;
        for (var row : table.rows()) {
            try {
                lines.add(line(table, row, coursesByLowerName, today));
            } catch (IllegalArgumentException problem) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add("line " + row.line() + ": " + problem.getMessage());
                } else {
                    more++;
                }
            }
        }
        if (more > 0) {
            problems.add("and " + more + " more");
        }
        if (!problems.isEmpty()) {
            throw new FileRejected(problems);
        }
        if (lines.isEmpty()) {
            throw new FileRejected(List.of("the file has a header but no completions"));
        }
        return lines;
    }

    private static Line line(CsvRows.Table table, CsvRows.Row row, Map<String, Course> courses, LocalDate today) {
        String courseName = value(table, row, "course");
        if (courseName == null) {
            throw new IllegalArgumentException("course is empty");
        }
        var course = courses.get(courseName.toLowerCase(Locale.ROOT));
        if (course == null) {
            throw new IllegalArgumentException("no course is called \"" + courseName + "\" (add it on the training page first)");
        }
        String name = text(value(table, row, "name"), "name", 200);
        if (name == null) {
            throw new IllegalArgumentException("name is empty");
        }
        if (TextRules.nameProblem(name) != null) {
            throw new IllegalArgumentException("name \"" + name + "\" is not a person's name");
        }
        String email = text(value(table, row, "email"), "email", 320);
        if (email != null && !TextRules.isEmail(email)) {
            throw new IllegalArgumentException("email \"" + email + "\" is not an e-mail address");
        }
        String completed = value(table, row, "completed_on");
        LocalDate completedOn;
        try {
            completedOn = LocalDate.parse(completed == null ? "" : completed);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("completed_on \"" + (completed == null ? "" : completed) + "\" is not a date written YYYY-MM-DD");
        }
        if (completedOn.isAfter(today)) {
            throw new IllegalArgumentException("completed_on " + completedOn + " is in the future");
        }
        String evidenceText = value(table, row, "evidence");
        var evidence = evidenceText == null ? Evidence.CERTIFICATE : Choices.parse(Evidence.class, evidenceText.toUpperCase(Locale.ROOT));
        if (evidence == null) {
            throw new IllegalArgumentException("evidence \"" + evidenceText + "\" is not one of CERTIFICATE, ELEARNING_REFERENCE, REGISTER");
        }
        return new Line(row.line(), course, name, email, text(value(table, row, "staff_number"), "staff_number", 40),
                text(value(table, row, "role"), "role", 200), completedOn, evidence, text(value(table, row, "evidence_reference"), "evidence_reference", 200));
    }

    private static String value(CsvRows.Table table, CsvRows.Row row, String column) {
        int i = table.column(column);
        String v = i < 0 ? null : row.field(i);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String text(String value, String column, int max) {
        if (value != null && (value.length() > max || TextRules.problem(value) != null)) {
            throw new IllegalArgumentException(column + " is longer than " + max + " characters or holds characters that are not allowed");
        }
        return value;
    }
}
