package org.waymark.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Synthetic national referrals in Waymark's import format (docs/import-format.md), with the true counts of every
 * table written beside them, so that an import can be checked table by table. Proportions follow the Home Office's
 * published figures (docs/domain.md: sector, type of concern, age, gender, stage). Self-contained on purpose: it
 * shares no code with the application, so its counts are an independent check, and it runs as a single source
 * file ({@code java ReferralGenerator.java ...}) from a test or by hand.
 *
 * <pre>
 * java bench/src/main/java/org/waymark/bench/ReferralGenerator.java --first-year 2023 --years 1 --out /tmp/ref.csv
 *      [--referrals-per-year N] [--seed S] [--reference-prefix P] [--reference-data app/src/main/resources/reference]
 * </pre>
 * writes {@code /tmp/ref.csv} and {@code /tmp/ref.csv.counts.json}: per financial year, the totals, every breakdown's
 * referrals, discussed at panel and adopted by category label, and the median and 90th percentile of working days
 * from referral to screening decision.
 */
public final class ReferralGenerator {

    static final String[] SECTORS = {"Education", "Police", "Local Authority", "Health", "Prisons", "Probation", "Community",
            "Friends and family", "Other"};
    static final double[] SECTOR_WEIGHTS = {40, 28, 8, 9, 2, 2, 5, 3, 3};
    static final String[] CONCERNS = {"Islamist", "Extreme Right-Wing", "Left Wing, Anarchist or Single-Issue", "Conflicted",
            "Vulnerability present but no ideology or CT risk", "No risk, vulnerability or ideology present",
            "Fascination with extreme violence or mass-casualty attacks", "Incel", "Other"};
    static final double[] CONCERN_WEIGHTS = {13, 19, 1, 18.5, 36, 5, 4, 1.5, 2};
    static final String[] GENDERS = {"Male", "Female", "Unknown"};
    static final double[] GENDER_WEIGHTS = {89.5, 9.8, 0.7};
    static final String[] ETHNICITIES = {"White", "Black", "Asian", "Mixed", "Other", "Unknown"};
    static final double[] ETHNICITY_WEIGHTS = {62, 6, 15, 5, 3, 9};
    static final String[] OUTCOMES = {"No further action", "Signposted to other services", "Police-led Prevent case", "Channel"};
    static final double[] OUTCOME_WEIGHTS = {52, 28, 7, 13};
    /** Ages drawn per group so that under-18s are about 57%: 10 and under, 11-15, 16-17, 18-20, 21-30, 31-40, 41-50, 51-60, 61+. */
    static final int[][] AGE_RANGES = {{7, 10}, {11, 15}, {16, 17}, {18, 20}, {21, 30}, {31, 40}, {41, 50}, {51, 60}, {61, 80}};
    static final double[] AGE_WEIGHTS = {4, 38, 15, 10, 14, 9, 5, 3, 2};
    static final String[] AGE_GROUPS = {"10 and under", "11-15", "16-17", "18-20", "21-30", "31-40", "41-50", "51-60", "61+", "Unknown"};

    private final Random random;
    private final List<String> authorities = new ArrayList<>();
    private final Map<String, String> forceOf = new HashMap<>();
    private final Map<String, String> regionOf = new HashMap<>();
    private final Set<LocalDate> holidays = new HashSet<>();

    ReferralGenerator(long seed, Path referenceData) throws IOException {
        this.random = new Random(seed);
        for (String[] row : csv(referenceData.resolve("local-authorities.csv"))) {
            authorities.add(row[0]);
            forceOf.put(row[0], row[row.length - 1]);
        }
        for (String[] row : csv(referenceData.resolve("police-force-areas.csv"))) {
            regionOf.put(row[0], row[row.length - 1]);
        }
        for (String[] row : csv(referenceData.resolve("bank-holidays-england-and-wales.csv"))) {
            holidays.add(LocalDate.parse(row[0]));
        }
    }

    /** The header-less rows of a small reference file; its fields hold no quoted commas in the columns used. */
    private static List<String[]> csv(Path file) throws IOException {
        var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        var out = new ArrayList<String[]>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                String[] parts = line.split(",");
                out.add(new String[] {parts[0], parts[parts.length - 1]});
            }
        }
        return out;
    }

    /** One generated referral: every column of the import format, and the derived values its counts need. */
    record Referral(String reference, LocalDate referralDate, String sector, String authority, LocalDate dateOfBirth, Integer ageGiven,
            String gender, String ethnicity, String concern, Boolean mentalHealth, String outcome, LocalDate screeningDate,
            LocalDate discussedDate, LocalDate adoptedDate, LocalDate exitDate, String personKey) {
    }

    public static void main(String[] args) throws IOException {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int firstYear = Integer.parseInt(options.getOrDefault("first-year", "2023"));
        int years = Integer.parseInt(options.getOrDefault("years", "1"));
        int perYear = Integer.parseInt(options.getOrDefault("referrals-per-year", "6922"));
        long seed = Long.parseLong(options.getOrDefault("seed", "20231"));
        String prefix = options.getOrDefault("reference-prefix", "LEG");
        Path out = Path.of(options.getOrDefault("out", "referrals.csv"));
        Path referenceData = Path.of(options.getOrDefault("reference-data", "app/src/main/resources/reference"));
        var generator = new ReferralGenerator(seed, referenceData);
        var referrals = generator.generate(firstYear, years, perYear, prefix, LocalDate.parse(options.getOrDefault("today",
                LocalDate.now().toString())));
        write(out, referrals);
        Files.writeString(Path.of(out + ".counts.json"), generator.counts(referrals), StandardCharsets.UTF_8);
        System.out.println(referrals.size() + " referrals written to " + out + ", true counts to " + out + ".counts.json");
    }

    List<Referral> generate(int firstYear, int years, int perYear, String prefix, LocalDate today) {
        var out = new ArrayList<Referral>();
        var people = new ArrayList<String>();
        int n = 0;
        for (int year = firstYear; year < firstYear + years; year++) {
            LocalDate start = LocalDate.of(year, 4, 1);
            int days = (int) (LocalDate.of(year + 1, 4, 1).toEpochDay() - start.toEpochDay());
            for (int i = 0; i < perYear; i++) {
                LocalDate referred = start.plusDays(random.nextInt(days));
                if (referred.isAfter(today)) {
                    referred = today;
                }
                String key;
                if (!people.isEmpty() && random.nextDouble() < 0.08) {
                    key = people.get(random.nextInt(people.size()));
                } else {
                    key = prefix + "-P" + (people.size() + 1);
                    people.add(key);
                }
                out.add(referral(prefix + "-" + year + "-" + (++n), referred, key, today));
            }
        }
        return out;
    }

    private Referral referral(String reference, LocalDate referred, String key, LocalDate today) {
        double agePick = random.nextDouble();
        LocalDate born = null;
        Integer given = null;
        if (agePick < 0.95) {
            int[] range = AGE_RANGES[pick(AGE_WEIGHTS)];
            int age = range[0] + random.nextInt(range[1] - range[0] + 1);
            if (agePick < 0.70) {
                born = referred.minusYears(age).minusDays(random.nextInt(365));
                if (random.nextDouble() < 0.01) {
                    born = LocalDate.of(referred.getYear() - age, 2, 29 - (java.time.Year.isLeap(referred.getYear() - age) ? 0 : 1));
                }
            } else {
                given = age;
            }
        }
        String outcome = random.nextDouble() < 0.02 ? null : OUTCOMES[pick(OUTCOME_WEIGHTS)];
        LocalDate screened = outcome == null ? null : capped(plusWorkingDays(referred, random.nextInt(random.nextDouble() < 0.8 ? 6 : 25)), today);
        LocalDate discussed = null;
        LocalDate adopted = null;
        LocalDate exited = null;
        boolean toPanel = "Channel".equals(outcome) || ("Police-led Prevent case".equals(outcome) && random.nextDouble() < 0.1);
        if (toPanel && screened != null && random.nextDouble() < 0.95) {
            discussed = capped(screened.plusDays(3 + random.nextInt(40)), today);
            if (random.nextDouble() < 0.57) {
                adopted = random.nextDouble() < 0.8 ? discussed : capped(discussed.plusDays(28), today);
                if (random.nextDouble() < 0.8) {
                    LocalDate exit = adopted.plusDays(90 + random.nextInt(240));
                    exited = exit.isAfter(today) ? null : exit;
                }
            }
        }
        String ethnicity = referred.isBefore(LocalDate.of(2024, 4, 1)) && random.nextDouble() < 0.5 ? null : ETHNICITIES[pick(ETHNICITY_WEIGHTS)];
        Boolean mentalHealth = random.nextDouble() < 0.1 ? null : random.nextDouble() < 0.33;
        return new Referral(reference, referred, SECTORS[pick(SECTOR_WEIGHTS)], authorities.get(random.nextInt(authorities.size())), born,
                given, GENDERS[pick(GENDER_WEIGHTS)], ethnicity, random.nextDouble() < 0.03 ? null : CONCERNS[pick(CONCERN_WEIGHTS)],
                mentalHealth, outcome, screened, discussed, adopted, exited, random.nextDouble() < 0.02 ? null : key);
    }

    private static LocalDate capped(LocalDate day, LocalDate today) {
        return day.isAfter(today) ? today : day;
    }

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    boolean workingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(d);
    }

    private LocalDate plusWorkingDays(LocalDate from, int n) {
        LocalDate d = from;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (workingDay(d)) {
                left--;
            }
        }
        return d;
    }

    int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (workingDay(d)) {
                n++;
            }
        }
        return n;
    }

    static void write(Path out, List<Referral> referrals) throws IOException {
        try (var w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            w.print("reference,referral_date,sector,local_authority_code,date_of_birth,age_at_referral,gender,ethnicity,type_of_concern,"
                    + "mental_health_or_neurodiversity,screening_outcome,screening_date,discussed_at_panel_date,adopted_date,exit_date,person_key\n");
            for (Referral r : referrals) {
                w.print(String.join(",", r.reference(), s(r.referralDate()), q(r.sector()), r.authority(), s(r.dateOfBirth()), s(r.ageGiven()),
                        q(r.gender()), q(r.ethnicity()), q(r.concern()), s(r.mentalHealth()), q(r.outcome()), s(r.screeningDate()),
                        s(r.discussedDate()), s(r.adoptedDate()), s(r.exitDate()), q(r.personKey())));
                w.print('\n');
            }
        }
    }

    private static String s(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A label as a CSV field, quoted when it holds a comma; some in mixed case or spaced, as a legacy export might. */
    private static String q(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") ? "\"" + value + "\"" : value;
    }

    String ageGroup(Referral r) {
        Integer age = r.dateOfBirth() != null ? Integer.valueOf(Period.between(r.dateOfBirth(), r.referralDate()).getYears()) : r.ageGiven();
        if (age == null) {
            return "Unknown";
        }
        int[] uppers = {10, 15, 17, 20, 30, 40, 50, 60};
        for (int i = 0; i < uppers.length; i++) {
            if (age <= uppers[i]) {
                return AGE_GROUPS[i];
            }
        }
        return "61+";
    }

    /** The true counts, per financial year, as JSON. */
    String counts(List<Referral> referrals) {
        var byYear = new TreeMap<Integer, List<Referral>>();
        for (Referral r : referrals) {
            int fy = r.referralDate().getMonthValue() >= 4 ? r.referralDate().getYear() : r.referralDate().getYear() - 1;
            byYear.computeIfAbsent(fy, k -> new ArrayList<>()).add(r);
        }
        var firstDate = new HashMap<String, LocalDate>();
        for (Referral r : referrals) {
            if (r.personKey() != null) {
                firstDate.merge(r.personKey(), r.referralDate(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        var json = new StringBuilder("{");
        boolean firstYear = true;
        for (var e : byYear.entrySet()) {
            json.append(firstYear ? "" : ",").append('"').append(e.getKey()).append("\":").append(yearCounts(e.getValue(), firstDate));
            firstYear = false;
        }
        return json.append("}\n").toString();
    }

    private String yearCounts(List<Referral> rs, Map<String, LocalDate> firstDate) {
        long discussed = rs.stream().filter(r -> r.discussedDate() != null).count();
        long adopted = rs.stream().filter(r -> r.adoptedDate() != null).count();
        long repeats = rs.stream().filter(r -> r.personKey() != null && firstDate.get(r.personKey()).isBefore(r.referralDate())).count();
        var distinct = new HashSet<String>();
        rs.forEach(r -> distinct.add(r.personKey() == null ? "ref:" + r.reference() : r.personKey()));
        var breakdowns = new LinkedHashMap<String, java.util.function.Function<Referral, String>>();
        breakdowns.put("sector", Referral::sector);
        breakdowns.put("typeOfConcern", Referral::concern);
        breakdowns.put("ageGroup", this::ageGroup);
        breakdowns.put("gender", Referral::gender);
        breakdowns.put("ethnicity", r -> r.ethnicity() == null ? "Unknown" : r.ethnicity());
        breakdowns.put("mentalHealthOrNeurodiversity", r -> r.mentalHealth() == null ? null : r.mentalHealth().toString());
        breakdowns.put("screeningOutcome", Referral::outcome);
        breakdowns.put("localAuthority", Referral::authority);
        breakdowns.put("policeForceArea", r -> forceOf.get(r.authority()));
        breakdowns.put("ctpRegion", r -> regionOf.get(forceOf.get(r.authority())));
        var json = new StringBuilder();
        json.append("{\"totals\":{\"referrals\":").append(rs.size()).append(",\"discussedAtPanel\":").append(discussed)
                .append(",\"adopted\":").append(adopted).append(",\"repeatReferrals\":").append(repeats).append(",\"distinctPeople\":")
                .append(distinct.size()).append("},\"breakdowns\":{");
        boolean first = true;
        for (var b : breakdowns.entrySet()) {
            var counts = new TreeMap<String, long[]>();
            for (Referral r : rs) {
                String category = b.getValue().apply(r);
                if (category != null) {
                    long[] c = counts.computeIfAbsent(category, k -> new long[3]);
                    c[0]++;
                    c[1] += r.discussedDate() != null ? 1 : 0;
                    c[2] += r.adoptedDate() != null ? 1 : 0;
                }
            }
            json.append(first ? "" : ",").append('"').append(b.getKey()).append("\":{");
            first = false;
            boolean firstCategory = true;
            for (var c : counts.entrySet()) {
                json.append(firstCategory ? "" : ",").append('"').append(c.getKey()).append("\":{\"referrals\":").append(c.getValue()[0])
                        .append(",\"discussedAtPanel\":").append(c.getValue()[1]).append(",\"adopted\":").append(c.getValue()[2]).append('}');
                firstCategory = false;
            }
            json.append('}');
        }
        json.append("},\"timeliness\":{\"referralToScreeningDecision\":").append(timeliness(rs)).append("}}");
        return json.toString();
    }

    private String timeliness(List<Referral> rs) {
        var days = new ArrayList<Integer>();
        for (Referral r : rs) {
            if (r.screeningDate() != null) {
                days.add(workingDaysBetween(r.referralDate(), r.screeningDate()));
            }
        }
        days.sort(null);
        if (days.isEmpty()) {
            return "{\"medianWorkingDays\":null,\"p90WorkingDays\":null}";
        }
        int n = days.size();
        double median = n % 2 == 1 ? days.get(n / 2) : (days.get(n / 2 - 1) + days.get(n / 2)) / 2.0;
        int p90 = days.get((int) Math.ceil(0.9 * n) - 1);
        return String.format(Locale.ROOT, "{\"medianWorkingDays\":%s,\"p90WorkingDays\":%d}", median, p90);
    }

    static {
        // Keeps UncheckedIOException imported for callers that wrap the generator.
        UncheckedIOException.class.getName();
    }
}
