package org.waymark.programme.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.waymark.csv.Csv;
import org.waymark.govuk.Choices;
import org.waymark.govuk.TextRules;
import org.waymark.linkage.CsvRows;
import org.waymark.programme.internal.SurveyRecords.Question;
import org.waymark.programme.internal.SurveyRecords.Response;
import org.waymark.programme.internal.SurveyRecords.Segment;

/**
 * A wave's responses as the fieldwork supplier delivers them (docs/user-guide/programme-manager.md):
 * {@code response_id,area,segment,community,favourability,knowledge,confidence_to_refer}, one respondent a line, scores
 * 1 to 5 or empty when not answered. Read whole: any bad line refuses the file with every problem by line.
 */
final class SurveyCsv {

    static final String HEADER = "response_id,area,segment,community,favourability,knowledge,confidence_to_refer";
    static final int MAX_ROWS = 200_000;

    private SurveyCsv() {
    }

    static List<Response> parse(String text, Predicate<String> knownArea) {
        CsvRows.Table table;
        try {
            table = Csv.read(text);
        } catch (CsvRows.Malformed e) {
            throw new FileRejected(List.of(e.getMessage()));
        }
        if (table.header().isEmpty()) {
            throw new FileRejected(List.of("the file is empty: the first line must be the header " + HEADER));
        }
        for (String column : HEADER.split(",")) {
            if (table.column(column) < 0) {
                throw new FileRejected(List.of("line 1: the header must name the columns " + HEADER + " (" + column + " is missing)"));
            }
        }
        if (table.rows().size() > MAX_ROWS) {
            throw new FileRejected(List.of("the file has " + table.rows().size() + " lines; import at most " + MAX_ROWS + " at a time"));
        }
        var problems = new ArrayList<String>();
        var responses = new ArrayList<Response>();
        var seen = new HashSet<String>();
        int more = 0;
        for (var row : table.rows()) {
            try {
                var response = response(table, row, knownArea);
                if (!seen.add(response.responseId())) {
                    throw new IllegalArgumentException("response_id " + response.responseId() + " appears twice in the file");
                }
                responses.add(response);
            } catch (IllegalArgumentException problem) {
                if (problems.size() < CompletionCsv.MAX_PROBLEMS) {
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
        if (responses.isEmpty()) {
            throw new FileRejected(List.of("the file has a header but no responses"));
        }
        return responses;
    }

    private static Response response(CsvRows.Table table, CsvRows.Row row, Predicate<String> knownArea) {
        String id = value(table, row, "response_id");
        if (id == null || id.length() > 100 || TextRules.problem(id) != null) {
            throw new IllegalArgumentException("response_id must be given, at most 100 characters");
        }
        String area = value(table, row, "area");
        if (area == null || !knownArea.test(area.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("area \"" + (area == null ? "" : area) + "\" is not an area code Waymark knows (such as E09000007)");
        }
        String segmentText = value(table, row, "segment");
        var segment = segmentText == null ? null : Choices.parse(Segment.class, segmentText.toUpperCase(Locale.ROOT));
        if (segment == null) {
            throw new IllegalArgumentException("segment \"" + (segmentText == null ? "" : segmentText)
                    + "\" is not one of PUBLIC, COMMUNITY, STUDENTS, TEACHERS, HEALTH_STAFF");
        }
        String community = value(table, row, "community");
        if (segment == Segment.COMMUNITY && community == null) {
            throw new IllegalArgumentException("community must name the community when the segment is COMMUNITY");
        }
        if (community != null && (community.length() > 100 || TextRules.problem(community) != null)) {
            throw new IllegalArgumentException("community must be at most 100 characters");
        }
        Integer[] scores = new Integer[Question.values().length];
        boolean any = false;
        for (Question q : Question.values()) {
            scores[q.ordinal()] = score(value(table, row, q.column), q.column);
            any |= scores[q.ordinal()] != null;
        }
        if (!any) {
            throw new IllegalArgumentException("no question is answered");
        }
        return new Response(id, area.toUpperCase(Locale.ROOT), segment, segment == Segment.COMMUNITY ? community : null,
                scores[Question.FAVOURABILITY.ordinal()], scores[Question.KNOWLEDGE.ordinal()], scores[Question.CONFIDENCE_TO_REFER.ordinal()]);
    }

    private static Integer score(String value, String column) {
        if (value == null) {
            return null;
        }
        if (!value.matches("[1-5]")) {
            throw new IllegalArgumentException(column + " \"" + value + "\" is not a score from 1 to 5 (leave it empty when not answered)");
        }
        return Integer.valueOf(value);
    }

    private static String value(CsvRows.Table table, CsvRows.Row row, String column) {
        String v = row.field(table.column(column));
        return v == null || v.isBlank() ? null : v.strip();
    }
}
