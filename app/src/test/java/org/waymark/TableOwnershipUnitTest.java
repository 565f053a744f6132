package org.waymark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each module's SQL names only its own tables (issue 13): what a neighbour needs goes through a public type of the
 * owner. Every table the migrations create has exactly one owner here, so a new table must be given one.
 */
class TableOwnershipUnitTest {

    static final Map<String, Set<String>> OWNERS = Map.ofEntries(
            Map.entry("access", Set.of("area", "organisation", "user_account", "user_role", "api_token", "spring_session",
                    "spring_session_attributes", "sign_in_failure", "public_submission")),
            Map.entry("audit", Set.of("audit_entry", "audit_seal", "audit_chain_head")),
            Map.entry("programme", Set.of("programme_board", "programme_board_member", "programme_meeting", "programme_attendance",
                    "programme_agenda_item", "programme_action", "programme_action_update", "programme_course", "programme_completion",
                    "programme_eligible_staff", "survey_wave", "survey_response", "programme_officer",
                    "programme_deployment", "programme_post", "programme_campaign", "programme_campaign_diversity", "programme_lesson",
                    "programme_lesson_action", "programme_event", "programme_project", "programme_project_milestone",
                    "programme_project_report", "programme_tension_scale", "programme_tension_assessment", "programme_incident",
                    "programme_public_line", "programme_workstream", "programme_toolkit_section", "programme_rating",
                    "programme_plan_item", "programme_section_rating", "programme_section_action", "programme_briefing", "programme_eia",
                    "programme_eia_finding", "programme_eia_action")),
            Map.entry("content", Set.of("content_item", "content_report", "content_file", "content_capture", "content_assessment", "content_referral",
                    "content_referral_event", "content_availability_check", "hash_bank", "hash_match", "content_capture_frame", "hash_bank_frame", "content_intake", "content_intake_entry")),
            Map.entry("referral", Set.of("person", "prevent_case", "referral", "referral_idempotency", "referral_draft", "referral_draft_document",
                    "case_document", "case_milestone", "case_disclosure", "linked_person", "referral_rectification")),
            Map.entry("screening", Set.of("screening_check", "deconfliction_subject", "deconfliction_match", "screening_decision", "police_led_review")),
            Map.entry("requests", Set.of("information_request")),
            Map.entry("assessment", Set.of("assessment", "assessment_factor")),
            Map.entry("channel", Set.of("panel_meeting", "panel_attendee", "panel_agenda_item", "exit_agreement", "consent_record", "intervention",
                    "intervention_session", "case_review", "case_transfer", "channel_exit")),
            Map.entry("people", Set.of("person_linkage_record", "person_block_key", "person_match_decision", "person_merge")),
            Map.entry("statistics", Set.of("statistical_record")),
            Map.entry("storage", Set.of("shedlock")),
            Map.entry("retention", Set.of("retention_review", "legal_hold", "subject_access_request", "subject_access_event", "case_restriction", "break_glass")));

    private static final Path SOURCES = Path.of("src/main/java/org/waymark");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern NAMED = Pattern.compile("\\b(?:from|join|into|update|table)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATED = Pattern.compile("create table (\\w+)", Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableHasOneOwner() throws IOException {
        var created = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (var file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                CREATED.matcher(Files.readString(file)).results().forEach(m -> created.add(m.group(1).toLowerCase()));
            }
        }
        var owned = OWNERS.values().stream().flatMap(Set::stream).toList();
        assertThat(owned).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(owned)).as("tables the migrations create, each owned by one module").isEqualTo(created);
    }

    @Test
    void eachModulesSqlNamesOnlyItsOwnTables() throws IOException {
        var tables = OWNERS.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        var foreign = new TreeMap<String, List<String>>();
        try (Stream<Path> modules = Files.list(SOURCES)) {
            for (var module : modules.filter(Files::isDirectory).toList()) {
                String name = module.getFileName().toString();
                var own = OWNERS.getOrDefault(name, Set.of());
                try (Stream<Path> files = Files.walk(module)) {
                    for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        for (String table : tablesNamed(Files.readString(file), tables)) {
                            if (!own.contains(table)) {
                                foreign.computeIfAbsent(name + " " + module.relativize(file), k -> new ArrayList<>()).add(table);
                            }
                        }
                    }
                }
            }
        }
        assertThat(foreign).as("SQL naming another module's table (module file: tables)").isEmpty();
    }

    @Test
    void theScanSeesATableInSqlSplitAcrossLiterals() {
        var source = "jdbc.sql(\"select i.id from intervention i \"\n        + \"join prevent_case c on c.id = i.case_id\")";
        assertThat(tablesNamed(source, Set.of("intervention", "prevent_case", "person"))).containsExactlyInAnyOrder("intervention", "prevent_case");
        assertThat(tablesNamed("String s = \"answer from \" + who;", Set.of("person"))).isEmpty();
    }

    /** The known tables a source file's SQL names: its string literals joined, as concatenated SQL reads. */
    static Set<String> tablesNamed(String source, Set<String> tables) {
        var text = LITERAL.matcher(source).results().map(m -> m.group(1)).collect(Collectors.joining(" "));
        return NAMED.matcher(text).results().map(m -> m.group(1).toLowerCase()).filter(tables::contains).collect(Collectors.toCollection(TreeSet::new));
    }
}
