package org.waymark.statistics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.waymark.csv.Csv;

/**
 * The published categories every table lists, zeros included (PREVENT.md §4): codes are what records store,
 * labels what the Home Office prints and the import format names. Types of concern are versioned: each financial
 * year is counted with the list in force from {@code reference/types-of-concern.csv}.
 */
final class Categories {

    record Category(String code, String label) {
    }

    static final String UNKNOWN = "UNKNOWN";

    static final List<Category> SECTORS = List.of(c("EDUCATION", "Education"), c("POLICE", "Police"), c("LOCAL_AUTHORITY", "Local Authority"),
            c("HEALTH", "Health"), c("PRISONS", "Prisons"), c("PROBATION", "Probation"), c("COMMUNITY", "Community"),
            c("FRIENDS_AND_FAMILY", "Friends and family"), c("OTHER", "Other"));

    static final List<Category> GENDERS = List.of(c("MALE", "Male"), c("FEMALE", "Female"), c(UNKNOWN, "Unknown"));

    static final List<Category> ETHNICITIES = List.of(c("WHITE", "White"), c("BLACK", "Black"), c("ASIAN", "Asian"), c("MIXED", "Mixed"),
            c("OTHER", "Other"), c(UNKNOWN, "Unknown"));

    /** Religion or belief (ONS top level), for equality monitoring only: not a breakdown of the release. */
    static final List<Category> RELIGIONS = List.of(c("NO_RELIGION", "No religion"), c("BUDDHIST", "Buddhist"), c("CHRISTIAN", "Christian"),
            c("HINDU", "Hindu"), c("JEWISH", "Jewish"), c("MUSLIM", "Muslim"), c("SIKH", "Sikh"), c("OTHER", "Any other religion"),
            c(UNKNOWN, "Not stated or unknown"));

    static final List<Category> OUTCOMES = List.of(c("NO_FURTHER_ACTION", "No further action"),
            c("SIGNPOSTED", "Signposted to other services"), c("POLICE_LED", "Police-led Prevent case"), c("CHANNEL", "Channel"));

    static final List<Category> MENTAL_HEALTH = List.of(c("true", "Recorded"), c("false", "Not recorded"));

    static final List<Category> AGE_GROUPS = AgeGroups.GROUPS;

    /** A versioned list of types of concern: its name and the first financial year it is in force for. */
    record ConcernList(String name, int firstYear, List<Category> categories) {
    }

    private static final List<ConcernList> CONCERN_LISTS = loadConcernLists();

    private Categories() {
    }

    private static Category c(String code, String label) {
        return new Category(code, label);
    }

    /** The list of types of concern in force for a financial year (2023 is April 2023 to March 2024). */
    static ConcernList concernsFor(int financialYear) {
        ConcernList inForce = CONCERN_LISTS.get(0);
        for (ConcernList list : CONCERN_LISTS) {
            if (list.firstYear() <= financialYear) {
                inForce = list;
            }
        }
        return inForce;
    }

    static List<ConcernList> concernLists() {
        return CONCERN_LISTS;
    }

    /** The code of the category a label names, ignoring case and surrounding spaces. */
    static Optional<String> codeOf(List<Category> categories, String label) {
        String wanted = label.strip().toLowerCase(Locale.ROOT);
        return categories.stream().filter(c -> c.label().toLowerCase(Locale.ROOT).equals(wanted)).map(Category::code).findFirst();
    }

    static String labelOf(List<Category> categories, String code) {
        return categories.stream().filter(c -> c.code().equals(code)).map(Category::label).findFirst().orElse(code);
    }

    /** Gender as the release counts it: anything but male or female is unknown. */
    static String gender(String recorded) {
        return "MALE".equals(recorded) || "FEMALE".equals(recorded) ? recorded : UNKNOWN;
    }

    /** Ethnicity (ONS top level) as the release counts it: not stated is unknown. */
    static String ethnicity(String recorded) {
        return recorded != null && ETHNICITIES.stream().anyMatch(c -> c.code().equals(recorded)) ? recorded : UNKNOWN;
    }

    static String religion(String recorded) {
        return recorded != null && RELIGIONS.stream().anyMatch(c -> c.code().equals(recorded)) ? recorded : UNKNOWN;
    }

    private static List<ConcernList> loadConcernLists() {
        var byName = new LinkedHashMap<String, List<Category>>();
        var firstYears = new LinkedHashMap<String, Integer>();
        for (String[] row : Csv.resource("reference/types-of-concern.csv")) {
            byName.computeIfAbsent(row[0].strip(), k -> new ArrayList<>()).add(c(row[2].strip(), row[3].strip()));
            firstYears.putIfAbsent(row[0].strip(), Integer.parseInt(row[1].strip()));
        }
        var sorted = new TreeMap<Integer, ConcernList>();
        byName.forEach((name, categories) -> sorted.put(firstYears.get(name), new ConcernList(name, firstYears.get(name), List.copyOf(categories))));
        return List.copyOf(sorted.values());
    }

    static Map<String, List<Category>> fixed() {
        var out = new LinkedHashMap<String, List<Category>>();
        out.put("sector", SECTORS);
        out.put("gender", GENDERS);
        out.put("ethnicity", ETHNICITIES);
        out.put("screeningOutcome", OUTCOMES);
        out.put("religion", RELIGIONS);
        return out;
    }
}
