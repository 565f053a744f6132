package org.waymark.linkage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model for matching one new record against many stored ones, as a case-management system needs it:
 * the blocking keys to store with each record and to look candidates up by, and each candidate's match
 * weight with the part every field played. Trained once by {@link Linker} (EM, never the truth) and kept
 * as a small text file, so a lookup costs an index scan and a few comparisons, not a training run.
 */
public final class MatchModel {

    /** The fields a referral gives about its subject that the model compares. */
    public static final List<String> FIELDS = List.of(Fields.FIRST_NAME, Fields.SURNAME, Fields.DOB, Fields.POSTCODE);

    /** How one field compared: its level's name ("exact", "day and month swapped", ... or "missing") and its weight. */
    public record FieldComparison(String field, String level, double weight) {
        public boolean agrees() {
            return weight > 0;
        }
    }

    /** A candidate scored: match weight (log2 odds), probability, and each field's part in it. */
    public record Match(double weight, double probability, List<FieldComparison> fields) {
    }

    private final Linker linker;
    private final Linker.Model model;
    private final List<Linker.BlockingRule> rules;

    private MatchModel(Linker linker, Linker.Model model) {
        this.linker = linker;
        this.model = model;
        // "names swapped" in the batch rules keys one record against itself; lookups find swaps by querying
        // with the names exchanged instead (queryKeys), so it is not stored.
        this.rules = linker.rules().stream().filter(r -> !r.name().equals("names swapped")).toList();
    }

    private static Linker linker() {
        return Linker.standard(FIELDS);
    }

    /** Trains on these records (their truth is never looked at). */
    public static MatchModel train(List<PersonRecord> records) {
        var linker = linker();
        return new MatchModel(linker, linker.run(records, false).model());
    }

    /** A record of the model's fields, each cleaned as the comparisons expect; nulls are missing fields. */
    public static PersonRecord record(String forename, String surname, String dateOfBirth, String postcode) {
        var fields = new HashMap<String, String>();
        put(fields, Fields.FIRST_NAME, forename);
        put(fields, Fields.SURNAME, surname);
        put(fields, Fields.DOB, dateOfBirth);
        put(fields, Fields.POSTCODE, postcode);
        return Linker.withSounds(List.of(new PersonRecord(0, 0, "", fields))).get(0);
    }

    /** What {@link #encode} writes, in order: the cleaned fields and the names' Double Metaphone codes. */
    private static final List<String> ENCODED = List.of(Fields.FIRST_NAME, Fields.SURNAME, Fields.DOB, Fields.POSTCODE,
            Fields.FIRST_NAME + Comparison.SOUND, Fields.FIRST_NAME + Comparison.SOUND_ALTERNATE, Fields.SURNAME + Comparison.SOUND,
            Fields.SURNAME + Comparison.SOUND_ALTERNATE);
    private static final char SEPARATOR = '\u001f';

    /**
     * A {@link #record} as one string, to store beside it: {@link #decode} gives it back without cleaning or
     * sound codes, which is most of the cost of reading hundreds of candidates.
     */
    public static String encode(PersonRecord record) {
        var out = new StringBuilder();
        for (int i = 0; i < ENCODED.size(); i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            String v = record.get(ENCODED.get(i));
            out.append(v == null ? "" : v);
        }
        return out.toString();
    }

    public static PersonRecord decode(String encoded) {
        var fields = new HashMap<String, String>(16);
        int from = 0;
        for (String field : ENCODED) {
            int to = encoded.indexOf(SEPARATOR, from);
            String v = encoded.substring(from, to < 0 ? encoded.length() : to);
            if (!v.isEmpty()) {
                fields.put(field, v);
            }
            from = to < 0 ? encoded.length() : to + 1;
        }
        return new PersonRecord(0, 0, "", fields);
    }

    private static void put(Map<String, String> fields, String field, String raw) {
        String v = Fields.clean(field, raw);
        if (v != null) {
            fields.put(field, v);
        }
    }

    /** The keys to store with a record: one per blocking rule that can key it, each a 64-bit hash of rule and key. */
    public List<Long> storedKeys(PersonRecord record) {
        var keys = new LinkedHashSet<Long>();
        for (var rule : rules) {
            String key = rule.key().apply(record);
            if (key != null) {
                keys.add(hash(rule.name() + "\u0000" + key));
            }
        }
        return List.copyOf(keys);
    }

    /** The keys to look a new record's candidates up by: its own, and its own with forename and surname exchanged. */
    public List<Long> queryKeys(PersonRecord record) {
        var keys = new LinkedHashSet<>(storedKeys(record));
        var swapped = new HashMap<>(record.fields());
        swapped.remove(Fields.FIRST_NAME);
        swapped.remove(Fields.SURNAME);
        if (record.get(Fields.SURNAME) != null) {
            swapped.put(Fields.FIRST_NAME, record.get(Fields.SURNAME));
        }
        if (record.get(Fields.FIRST_NAME) != null) {
            swapped.put(Fields.SURNAME, record.get(Fields.FIRST_NAME));
        }
        swapped.keySet().removeIf(k -> k.contains("~"));
        keys.addAll(storedKeys(Linker.withSounds(List.of(new PersonRecord(0, 0, "", swapped))).get(0)));
        return List.copyOf(keys);
    }

    private static long hash(String s) {
        byte[] d = org.apache.commons.codec.digest.DigestUtils.sha256(s);
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = h << 8 | (d[i] & 0xFF);
        }
        return h;
    }

    /** The probability of a match weight: 1 / (1 + 2^-weight). */
    public static double probability(double weight) {
        return Linker.probability(weight);
    }

    /** The match weight alone (log2 odds): for ranking many candidates before explaining the few shown. */
    public double weight(PersonRecord a, PersonRecord b) {
        return linker.weight(linker.compare(a, b), a, b, model, Map.of());
    }

    /** How likely the two records are to be one person, and why. */
    public Match compare(PersonRecord a, PersonRecord b) {
        byte[] levels = linker.compare(a, b);
        var fields = new ArrayList<FieldComparison>();
        var comparisons = model.comparisons();
        for (int k = 0; k < levels.length; k++) {
            var c = comparisons.get(k);
            int l = levels[k];
            fields.add(l < 0 ? new FieldComparison(c.name(), "missing", 0)
                    : new FieldComparison(c.name(), c.levels().get(l), Math.log(model.m()[k][l] / model.u()[k][l]) / Math.log(2)));
        }
        double weight = linker.weight(levels, a, b, model, Map.of());
        return new Match(weight, Linker.probability(weight), List.copyOf(fields));
    }

    /** The model as text: prior, lambda, then m and u for every level of every comparison. */
    public String write() {
        var out = new StringBuilder("# Waymark person-match model: Fellegi-Sunter parameters trained by EM (org.waymark.linkage.Linker)\n");
        out.append(String.format(Locale.ROOT, "prior\t%.12g%nlambda\t%.12g%n", model.prior(), model.lambda()));
        var comparisons = model.comparisons();
        for (int k = 0; k < comparisons.size(); k++) {
            var c = comparisons.get(k);
            for (int l = 0; l < c.levels().size(); l++) {
                out.append(String.format(Locale.ROOT, "level\t%s\t%s\t%.12g\t%.12g%n", c.name(), c.levels().get(l), model.m()[k][l], model.u()[k][l]));
            }
        }
        return out.toString();
    }

    /** Reads what {@link #write} wrote; refuses a file whose comparisons or levels are not the code's. */
    public static MatchModel read(Reader text) {
        var linker = linker();
        var comparisons = linker.comparisons();
        double prior = Double.NaN;
        double lambda = Double.NaN;
        var m = new double[comparisons.size()][];
        var u = new double[comparisons.size()][];
        for (int k = 0; k < comparisons.size(); k++) {
            m[k] = new double[comparisons.get(k).levels().size()];
            u[k] = new double[m[k].length];
            java.util.Arrays.fill(m[k], Double.NaN);
        }
        try (var lines = new BufferedReader(text)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split("\t");
                switch (p[0]) {
                    case "prior" -> prior = Double.parseDouble(p[1]);
                    case "lambda" -> lambda = Double.parseDouble(p[1]);
                    case "level" -> {
                        int k = indexOf(comparisons, p[1]);
                        int l = comparisons.get(k).levels().indexOf(p[2]);
                        if (l < 0) {
                            throw new IllegalArgumentException("the model has level '" + p[2] + "' of " + p[1] + ", which the code does not: retrain it");
                        }
                        m[k][l] = Double.parseDouble(p[3]);
                        u[k][l] = Double.parseDouble(p[4]);
                    }
                    default -> throw new IllegalArgumentException("unexpected line in the model: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int k = 0; k < comparisons.size(); k++) {
            for (int l = 0; l < m[k].length; l++) {
                if (Double.isNaN(m[k][l])) {
                    throw new IllegalArgumentException("the model lacks level '" + comparisons.get(k).levels().get(l) + "' of "
                            + comparisons.get(k).name() + ": retrain it");
                }
            }
        }
        if (Double.isNaN(prior)) {
            throw new IllegalArgumentException("the model has no prior");
        }
        return new MatchModel(linker, new Linker.Model(comparisons, m, u, lambda, prior));
    }

    private static int indexOf(List<Comparison> comparisons, String name) {
        for (int k = 0; k < comparisons.size(); k++) {
            if (comparisons.get(k).name().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("the model compares '" + name + "', which the code does not: retrain it");
    }
}
