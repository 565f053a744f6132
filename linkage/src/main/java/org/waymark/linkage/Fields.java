package org.waymark.linkage;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The fields Waymark compares, and how each is cleaned before comparison. */
public final class Fields {

    public static final String FIRST_NAME = "first_name";
    public static final String SURNAME = "surname";
    public static final String DOB = "dob";
    public static final String POSTCODE = "postcode";
    public static final String ADDRESS = "address";
    public static final String STREET_NUMBER = "street_number";
    public static final String CITY = "city";
    public static final String EMAIL = "email";
    public static final String GENDER = "gender";
    public static final String ID_NUMBER = "id_number";
    public static final String STATE = "state";

    public static final List<String> ALL = List.of(FIRST_NAME, SURNAME, DOB, POSTCODE, ADDRESS, STREET_NUMBER, CITY, EMAIL, GENDER,
            ID_NUMBER, STATE);

    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "rev");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z ]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Fields() {
    }

    /** A cleaned value, or null when there is nothing useful in it. */
    public static String clean(String field, String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        if (v.isEmpty() || v.equalsIgnoreCase("null") || v.equalsIgnoreCase("nan")) {
            return null;
        }
        v = switch (field) {
            case FIRST_NAME, SURNAME -> name(v);
            case DOB -> date(v);
            case POSTCODE -> v.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
            case EMAIL -> v.toLowerCase(Locale.ROOT);
            case GENDER -> v.substring(0, 1).toUpperCase(Locale.ROOT);
            case ID_NUMBER, STREET_NUMBER -> v.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
            default -> SPACES.matcher(ascii(v).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ")).replaceAll(" ").strip();
        };
        return v == null || v.isEmpty() ? null : v;
    }

    static String ascii(String v) {
        return Normalizer.normalize(v, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** Lower case, letters only, titles dropped, hyphens and apostrophes closed up ("O'Neil-Smith" is "oneilsmith"). */
    static String name(String v) {
        String s = ascii(v).toLowerCase(Locale.ROOT).replace("'", "").replace("-", "");
        s = SPACES.matcher(NOT_LETTERS.matcher(s).replaceAll(" ")).replaceAll(" ").strip();
        var parts = s.split(" ");
        var kept = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty() && !TITLES.contains(p)) {
                kept.append(kept.isEmpty() ? "" : " ").append(p);
            }
        }
        return kept.toString();
    }

    /** ISO yyyy-MM-dd from yyyyMMdd, yyyy-MM-dd, dd/MM/yyyy or d/M/yyyy; the digits as given when not a real date. */
    static String date(String v) {
        String digits = v.replaceAll("[^0-9]", "");
        try {
            if (v.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
                String[] p = v.split("-");
                return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])).toString();
            }
            if (v.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                String[] p = v.split("/");
                return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0])).toString();
            }
            if (digits.length() == 8) {
                return LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                        Integer.parseInt(digits.substring(6))).toString();
            }
        } catch (DateTimeException | NumberFormatException e) {
            // An impossible date (a typo such as month 13) is still evidence: keep its digits.
        }
        return digits.isEmpty() ? null : digits;
    }
}
