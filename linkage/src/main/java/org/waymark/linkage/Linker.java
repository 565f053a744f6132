package org.waymark.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Fellegi-Sunter record linkage as Splink does it. Candidate pairs come from several blocking rules
 * combined (no pair twice). u, the chance of each comparison level among non-matches, comes from random
 * pairs; m, its chance among matches, and the share of matches among candidates come from
 * expectation-maximisation over the candidate pairs, never from the truth. A pair's match weight is the
 * prior plus the sum of log2(m/u), with the exact level's u replaced by how common the value is (two
 * "Smith"s say less than two "Waller"s). People are formed from pairs above the threshold by merging
 * clusters only when their members agree on average, so one wrong link does not chain strangers together.
 */
public final class Linker {

    /**
     * A blocking rule: records with equal non-null keys become candidate pairs. {@code fields} are those the
     * key is made from: pairs found by the rule agree on them by construction, so they teach nothing about them.
     */
    public record BlockingRule(String name, java.util.Set<String> fields, Function<PersonRecord, String> key) {
        public BlockingRule(String name, Function<PersonRecord, String> key) {
            this(name, java.util.Set.of(), key);
        }
    }

    public record ScoredPair(int a, int b, double weight, double probability) {
    }

    /**
     * @param pairs      the candidate pairs likely enough to be one person to count in clustering
     * @param candidates every candidate pair, as {@link #first}/{@link #second} codes
     */
    public record Result(List<ScoredPair> pairs, long[] candidates, int[] cluster, long candidatePairs, Model model, Map<String, Long> millis) {
    }

    /** The trained parameters, for reporting: per comparison, per level, m and u. */
    /**
     * The trained parameters: per comparison and level m and u; {@code lambda}, the share of matches among
     * the candidate pairs (what EM estimates); and {@code prior}, the chance that two records drawn at
     * random are the same person, which is what a pair's weight starts from.
     */
    public record Model(List<Comparison> comparisons, double[][] m, double[][] u, double lambda, double prior) {
    }

    static final int MAX_BLOCK = 5_000;
    /** Two records this unlikely to be one person keep their clusters apart, whatever links them through others. */
    static final double CANNOT_LINK = 1e-6;
    /** Random pairs drawn to estimate u: enough for every level of every comparison to be seen many times. */
    static final long RANDOM_PAIRS = 15_000;
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private final List<Comparison> comparisons;
    private final List<BlockingRule> rules;
    private final double threshold;
    private final long seed;

    public Linker(List<Comparison> comparisons, List<BlockingRule> rules, double threshold, long seed) {
        this.comparisons = List.copyOf(comparisons);
        this.rules = List.copyOf(rules);
        this.threshold = threshold;
        this.seed = seed;
    }

    List<Comparison> comparisons() {
        return comparisons;
    }

    List<BlockingRule> rules() {
        return rules;
    }

    /** The standard comparisons and blocking rules for whichever of Waymark's fields the records carry. */
    public static Linker standard(List<String> presentFields) {
        var equivalents = NameEquivalents.standard();
        var comparisons = new ArrayList<Comparison>();
        var rules = new ArrayList<BlockingRule>();
        boolean first = presentFields.contains(Fields.FIRST_NAME);
        boolean last = presentFields.contains(Fields.SURNAME);
        if (first) {
            comparisons.add(Comparison.name(Fields.FIRST_NAME, Fields.SURNAME, equivalents));
        }
        if (last) {
            comparisons.add(Comparison.name(Fields.SURNAME, Fields.FIRST_NAME, equivalents));
        }
        if (presentFields.contains(Fields.DOB)) {
            comparisons.add(Comparison.dateOfBirth());
            rules.add(new BlockingRule("dob", java.util.Set.of(Fields.DOB), r -> r.get(Fields.DOB)));
            if (last) {
                rules.add(new BlockingRule("surname-sound+birth-year", java.util.Set.of(Fields.SURNAME, Fields.DOB), r -> join(sound(r.get(Fields.SURNAME)), year(r))));
            }
            if (first) {
                rules.add(new BlockingRule("forename-sound+birth-year", java.util.Set.of(Fields.FIRST_NAME, Fields.DOB), r -> join(sound(r.get(Fields.FIRST_NAME)), year(r))));
                rules.add(new BlockingRule("forename-sound+birth-month-day", java.util.Set.of(Fields.FIRST_NAME, Fields.DOB), r -> join(sound(r.get(Fields.FIRST_NAME)), monthDay(r))));
            }
        }
        if (first && last) {
            rules.add(new BlockingRule("forename+surname sound", java.util.Set.of(Fields.FIRST_NAME, Fields.SURNAME), r -> join(sound(r.get(Fields.FIRST_NAME)), sound(r.get(Fields.SURNAME)))));
            rules.add(new BlockingRule("names swapped", java.util.Set.of(Fields.FIRST_NAME, Fields.SURNAME), r -> join(sound(r.get(Fields.SURNAME)), sound(r.get(Fields.FIRST_NAME)), "x")));
        }
        for (String code : List.of(Fields.POSTCODE, Fields.ID_NUMBER, Fields.STREET_NUMBER)) {
            if (presentFields.contains(code)) {
                comparisons.add(Comparison.code(code));
            }
        }
        if (presentFields.contains(Fields.POSTCODE) && last) {
            rules.add(new BlockingRule("postcode+surname-initial", java.util.Set.of(Fields.POSTCODE, Fields.SURNAME), r -> join(r.get(Fields.POSTCODE), initial(r.get(Fields.SURNAME)))));
        }
        if (presentFields.contains(Fields.ID_NUMBER)) {
            rules.add(new BlockingRule("id-number", java.util.Set.of(Fields.ID_NUMBER), r -> r.get(Fields.ID_NUMBER)));
        }
        for (String text : List.of(Fields.ADDRESS, Fields.CITY)) {
            if (presentFields.contains(text)) {
                comparisons.add(Comparison.text(text));
            }
        }
        if (presentFields.contains(Fields.CITY)) {
            if (last) {
                rules.add(new BlockingRule("surname-sound+town", java.util.Set.of(Fields.SURNAME, Fields.CITY), r -> join(sound(r.get(Fields.SURNAME)), r.get(Fields.CITY))));
            }
            if (first) {
                rules.add(new BlockingRule("forename-sound+town", java.util.Set.of(Fields.FIRST_NAME, Fields.CITY), r -> join(sound(r.get(Fields.FIRST_NAME)), r.get(Fields.CITY))));
            }
        }
        if (presentFields.contains(Fields.DOB) && first && last) {
            rules.add(new BlockingRule("birth-year-month+initials", java.util.Set.of(Fields.DOB, Fields.FIRST_NAME, Fields.SURNAME), r -> {
                String d = r.get(Fields.DOB);
                return d == null || d.length() != 10 ? null : join(d.substring(0, 7), initial(r.get(Fields.FIRST_NAME)), initial(r.get(Fields.SURNAME)));
            }));
        }
        if (presentFields.contains(Fields.EMAIL)) {
            comparisons.add(Comparison.email());
            rules.add(new BlockingRule("email", java.util.Set.of(Fields.EMAIL), r -> r.get(Fields.EMAIL)));
            rules.add(new BlockingRule("email-user", java.util.Set.of(Fields.EMAIL), r -> {
                String e = r.get(Fields.EMAIL);
                return e == null || e.indexOf('@') < 1 ? null : e.substring(0, e.indexOf('@'));
            }));
        }
        for (String exact : List.of(Fields.GENDER, Fields.STATE)) {
            if (presentFields.contains(exact)) {
                comparisons.add(Comparison.exact(exact));
            }
        }
        return new Linker(comparisons, rules, 0.5, 42);
    }

    /** The name's first word's Double Metaphone code, for blocking. */
    static String sound(String name) {
        if (name == null) {
            return null;
        }
        String token = name.contains(" ") ? name.substring(0, name.indexOf(' ')) : name;
        String code = METAPHONE.doubleMetaphone(token);
        return code == null || code.isEmpty() ? token : code;
    }

    private static String initial(String s) {
        return s == null || s.isEmpty() ? null : s.substring(0, 1);
    }

    private static String year(PersonRecord r) {
        String d = r.get(Fields.DOB);
        return d == null || d.length() < 4 ? null : d.substring(0, 4);
    }

    private static String monthDay(PersonRecord r) {
        String d = r.get(Fields.DOB);
        return d == null || d.length() != 10 ? null : d.substring(5);
    }

    private static String join(String... parts) {
        for (String p : parts) {
            if (p == null) {
                return null;
            }
        }
        return String.join("|", parts);
    }

    /** Deduplicates one list (link = false), or links source 0 to source 1 (link = true). */
    public Result run(List<PersonRecord> input, boolean link) {
        var records = withSounds(input);
        var millis = new java.util.LinkedHashMap<String, Long>();
        long t = System.nanoTime();
        var found = candidates(records, link);
        long[] candidates = found.pairs();
        int[] ruleMasks = found.rules();
        t = lap(millis, "blocking", t);
        int c = comparisons.size();
        // Each pair's levels as one number (4 bits a comparison), so EM runs over the few distinct patterns.
        long[] patterns = new long[candidates.length];
        java.util.stream.IntStream.range(0, candidates.length).parallel()
                .forEach(p -> patterns[p] = encode(compare(records.get(first(candidates[p])), records.get(second(candidates[p])))));
        var histogram = new HashMap<Long, long[]>();
        for (long pattern : patterns) {
            histogram.computeIfAbsent(pattern, k -> new long[1])[0]++;
        }
        t = lap(millis, "comparing", t);
        double[][] u = randomPairLevels(records, link);
        var tf = termFrequencies(records);
        t = lap(millis, "u from random pairs", t);
        // As Splink trains: one EM session per blocking rule, over that rule's pairs, each estimating m only
        // for the comparisons the rule does not fix; then lambda over all candidates with m held.
        double[][] m = initialM();
        double[][] sessionSums = new double[c][];
        int[] sessions = new int[c];
        for (int k = 0; k < c; k++) {
            sessionSums[k] = new double[m[k].length];
        }
        var ruleHistograms = new ArrayList<HashMap<Long, long[]>>();
        long[] rulePairCounts = new long[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            ruleHistograms.add(new HashMap<>());
        }
        for (int p = 0; p < candidates.length; p++) {
            for (int bits = ruleMasks[p]; bits != 0; bits &= bits - 1) {
                int r = Integer.numberOfTrailingZeros(bits);
                ruleHistograms.get(r).computeIfAbsent(patterns[p], k -> new long[1])[0]++;
                rulePairCounts[r]++;
            }
        }
        for (int r = 0; r < rules.size(); r++) {
            if (rulePairCounts[r] < 10) {
                continue;
            }
            var rule = rules.get(r);
            boolean[] free = new boolean[c];
            for (int k = 0; k < c; k++) {
                free[k] = !rule.fields().contains(comparisons.get(k).name());
            }
            var fit = em(ruleHistograms.get(r), initialM(), u, free, free, rulePairCounts[r]);
            for (int k = 0; k < c; k++) {
                if (free[k]) {
                    for (int l = 0; l < m[k].length; l++) {
                        sessionSums[k][l] += fit.m()[k][l];
                    }
                    sessions[k]++;
                }
            }
        }
        boolean[] none = new boolean[c];
        boolean[] all = new boolean[c];
        Arrays.fill(all, true);
        var overall = em(histogram, initialM(), u, all, all, candidates.length);
        for (int k = 0; k < c; k++) {
            for (int l = 0; l < m[k].length; l++) {
                m[k][l] = sessions[k] > 0 ? sessionSums[k][l] / sessions[k] : overall.m()[k][l];
            }
        }
        double lambda = em(histogram, m, u, all, none, candidates.length).lambda();
        t = lap(millis, "EM", t);
        // The matches EM expects among the candidates, spread over every possible pair.
        double allPairs = link ? (double) records.stream().filter(r -> r.source() == 0).count() * records.stream().filter(r -> r.source() == 1).count()
                : allPairs(records.size());
        double prior = Math.min(0.5, Math.max(1e-9, lambda * candidates.length / Math.max(1, allPairs)));
        var model = new Model(comparisons, m, u, lambda, prior);
        // Only pairs that could join two records are kept: at a million records the rest would not fit.
        var strong = java.util.Collections.synchronizedList(new ArrayList<ScoredPair>());
        java.util.stream.IntStream.range(0, candidates.length).parallel().forEach(p -> {
            int a = first(candidates[p]);
            int b = second(candidates[p]);
            double w = weight(decode(patterns[p], c), records.get(a), records.get(b), model, tf);
            double probability = probability(w);
            if (probability >= threshold) {
                strong.add(new ScoredPair(a, b, w, probability));
            }
        });
        t = lap(millis, "scoring", t);
        int[] cluster = cluster(records, new ArrayList<>(strong), model, tf, link);
        lap(millis, "clustering", t);
        return new Result(new ArrayList<>(strong), candidates, cluster, candidates.length, model, millis);
    }

    private record Fit(double[][] m, double lambda) {
    }

    /**
     * Expectation-maximisation over a histogram of comparison patterns, u held: the E step weighs each
     * pattern by its chance of being a match from the comparisons {@code used}, the M step re-estimates m
     * (where {@code free}) and lambda. A session leaves out the comparisons its blocking rule fixes: they
     * agree on every pair it found, matches or not, and would make every pair look like a match.
     */
    private Fit em(Map<Long, long[]> histogram, double[][] start, double[][] u, boolean[] used, boolean[] free, long pairs) {
        int c = comparisons.size();
        double[][] m = new double[c][];
        for (int k = 0; k < c; k++) {
            m[k] = start[k].clone();
        }
        var distinct = new ArrayList<byte[]>();
        var counts = new ArrayList<Long>();
        histogram.forEach((pattern, count) -> {
            distinct.add(decode(pattern, c));
            counts.add(count[0]);
        });
        double lambda = 0.1;
        for (int iteration = 0; iteration < 100; iteration++) {
            double[][] sums = new double[c][];
            double[] totals = new double[c];
            for (int k = 0; k < c; k++) {
                sums[k] = new double[m[k].length];
            }
            double matchSum = 0;
            for (int i = 0; i < distinct.size(); i++) {
                byte[] pattern = distinct.get(i);
                double logOdds = Math.log(lambda / (1 - lambda));
                for (int k = 0; k < c; k++) {
                    if (used[k] && pattern[k] >= 0) {
                        logOdds += Math.log(m[k][pattern[k]] / u[k][pattern[k]]);
                    }
                }
                double p = counts.get(i) / (1 + Math.exp(-logOdds));
                matchSum += p;
                for (int k = 0; k < c; k++) {
                    if (pattern[k] >= 0) {
                        sums[k][pattern[k]] += p;
                        totals[k] += p;
                    }
                }
            }
            double change = 0;
            for (int k = 0; k < c; k++) {
                if (!free[k]) {
                    continue;
                }
                for (int l = 0; l < m[k].length; l++) {
                    double next = totals[k] > 0 ? Math.max(1e-6, sums[k][l] / totals[k]) : m[k][l];
                    change = Math.max(change, Math.abs(next - m[k][l]));
                    m[k][l] = next;
                }
            }
            double nextLambda = Math.min(0.999, Math.max(1e-6, matchSum / Math.max(1, pairs)));
            change = Math.max(change, Math.abs(nextLambda - lambda));
            lambda = nextLambda;
            if (change < 1e-6) {
                break;
            }
        }
        return new Fit(m, lambda);
    }

    /** Every unordered pair of n records, counted in floating point: n(n-1) overflows an int past 46,341 records. */
    static double allPairs(int n) {
        return (double) n * (n - 1) / 2.0;
    }

    static long encode(byte[] levels) {
        long code = 0;
        for (int k = 0; k < levels.length; k++) {
            code |= (long) (levels[k] + 1) << (4 * k);
        }
        return code;
    }

    static byte[] decode(long code, int comparisons) {
        byte[] levels = new byte[comparisons];
        for (int k = 0; k < comparisons; k++) {
            levels[k] = (byte) (((code >>> (4 * k)) & 0xF) - 1);
        }
        return levels;
    }

    private static long lap(Map<String, Long> millis, String phase, long since) {
        long now = System.nanoTime();
        millis.put(phase, (now - since) / 1_000_000);
        return now;
    }

    /** Each record with its names' Double Metaphone codes added, so pairs compare codes rather than compute them. */
    static List<PersonRecord> withSounds(List<PersonRecord> records) {
        var out = new ArrayList<PersonRecord>(records.size());
        for (var r : records) {
            var fields = new HashMap<>(r.fields());
            for (String f : List.of(Fields.FIRST_NAME, Fields.SURNAME)) {
                String v = r.get(f);
                if (v != null) {
                    fields.put(f + Comparison.SOUND, METAPHONE.doubleMetaphone(v));
                    fields.put(f + Comparison.SOUND_ALTERNATE, METAPHONE.doubleMetaphone(v, true));
                }
            }
            out.add(new PersonRecord(r.index(), r.source(), r.rowId(), fields));
        }
        return out;
    }

    static double probability(double weight) {
        return 1 / (1 + Math.pow(2, -weight));
    }

    byte[] compare(PersonRecord a, PersonRecord b) {
        byte[] out = new byte[comparisons.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = (byte) comparisons.get(k).level(a, b);
        }
        return out;
    }

    /** log2 of the prior odds plus, per comparison with evidence, log2(m/u); the exact level's u is the value's frequency. */
    double weight(byte[] levels, PersonRecord a, PersonRecord b, Model model, Map<String, Map<String, Double>> tf) {
        double w = log2(model.prior() / (1 - model.prior()));
        for (int k = 0; k < levels.length; k++) {
            int l = levels[k];
            if (l < 0) {
                continue;
            }
            double u = model.u()[k][l];
            String field = comparisons.get(k).tfField();
            if (l == 0 && field != null) {
                Double f = tf.getOrDefault(field, Map.of()).get(a.get(field));
                if (f != null) {
                    u = Math.max(f, 1e-7);
                }
            }
            w += log2(model.m()[k][l] / u);
        }
        return w;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private double[][] initialM() {
        double[][] m = new double[comparisons.size()][];
        for (int k = 0; k < m.length; k++) {
            int n = comparisons.get(k).levels().size();
            m[k] = new double[n];
            // Matches mostly agree exactly; the rest spread over the near levels; little on the last.
            m[k][0] = 0.8;
            for (int l = 1; l < n - 1; l++) {
                m[k][l] = 0.15 / (n - 2);
            }
            m[k][n - 1] = n > 1 ? 0.05 : 1;
        }
        return m;
    }

    /**
     * u from random pairs (almost all non-matches), with add-one smoothing so no level has u = 0. Drawn on
     * every core, each with its own seeded generator, so a run is repeatable.
     */
    private double[][] randomPairLevels(List<PersonRecord> records, boolean link) {
        int n = records.size();
        var left = records.stream().filter(r -> !link || r.source() == 0).toList();
        var right = records.stream().filter(r -> !link || r.source() == 1).toList();
        long samples = Math.min(RANDOM_PAIRS, (long) n * (n - 1) / 2);
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        var parts = java.util.stream.IntStream.range(0, threads).parallel().mapToObj(t -> {
            var random = new Random(seed + t);
            double[][] counts = new double[comparisons.size()][];
            for (int k = 0; k < counts.length; k++) {
                counts[k] = new double[comparisons.get(k).levels().size()];
            }
            for (long s = t; s < samples; s += threads) {
                var a = left.get(random.nextInt(left.size()));
                var b = right.get(random.nextInt(right.size()));
                if (a.index() == b.index()) {
                    continue;
                }
                byte[] levels = compare(a, b);
                for (int k = 0; k < levels.length; k++) {
                    if (levels[k] >= 0) {
                        counts[k][levels[k]]++;
                    }
                }
            }
            return counts;
        }).toList();
        double[][] u = new double[comparisons.size()][];
        for (int k = 0; k < u.length; k++) {
            u[k] = new double[comparisons.get(k).levels().size()];
            Arrays.fill(u[k], 1);
            for (double[][] part : parts) {
                for (int l = 0; l < u[k].length; l++) {
                    u[k][l] += part[k][l];
                }
            }
            double total = Arrays.stream(u[k]).sum();
            for (int l = 0; l < u[k].length; l++) {
                u[k][l] /= total;
            }
        }
        return u;
    }

    /** For each field with a frequency adjustment, each value's share of the records that have one. */
    private Map<String, Map<String, Double>> termFrequencies(List<PersonRecord> records) {
        var tf = new HashMap<String, Map<String, Double>>();
        for (Comparison comparison : comparisons) {
            String field = comparison.tfField();
            if (field == null) {
                continue;
            }
            var counts = new HashMap<String, Double>();
            int total = 0;
            for (var r : records) {
                String v = r.get(field);
                if (v != null) {
                    counts.merge(v, 1.0, Double::sum);
                    total++;
                }
            }
            int t = total;
            counts.replaceAll((k, v) -> v / t);
            tf.put(field, counts);
        }
        return tf;
    }

    static long pair(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    static int first(long pair) {
        return (int) (pair >>> 32);
    }

    static int second(long pair) {
        return (int) pair;
    }

    /** Every pair that some rule puts in the same block, once; blocks larger than 5,000 are skipped (too common to tell). */
    /** Candidate pairs, sorted, each once, with a bit for each blocking rule that found it. */
    record Candidates(long[] pairs, int[] rules) {
    }

    long[] candidatePairs(List<PersonRecord> records, boolean link) {
        return candidates(records, link).pairs();
    }

    Candidates candidates(List<PersonRecord> records, boolean link) {
        long[] merged = new long[0];
        int[] masks = new int[0];
        for (int r = 0; r < rules.size(); r++) {
            long[] own = rulePairs(records, rules.get(r), link);
            // Merge two sorted, duplicate-free lists, OR-ing the rule bits of pairs in both.
            long[] out = new long[merged.length + own.length];
            int[] outMasks = new int[out.length];
            int i = 0;
            int j = 0;
            int n = 0;
            while (i < merged.length || j < own.length) {
                if (j == own.length || i < merged.length && merged[i] < own[j]) {
                    out[n] = merged[i];
                    outMasks[n++] = masks[i++];
                } else if (i == merged.length || own[j] < merged[i]) {
                    out[n] = own[j++];
                    outMasks[n++] = 1 << r;
                } else {
                    out[n] = merged[i];
                    outMasks[n++] = masks[i++] | 1 << r;
                    j++;
                }
            }
            merged = Arrays.copyOf(out, n);
            masks = Arrays.copyOf(outMasks, n);
        }
        return new Candidates(merged, masks);
    }

    /** One rule's pairs, sorted, each once. Blocks of more than 5,000 are too common to say anything and are skipped. */
    private static long[] rulePairs(List<PersonRecord> records, BlockingRule rule, boolean link) {
        long[] pairs = new long[1024];
        int size = 0;
        var blocks = new HashMap<String, int[]>();
        var lengths = new HashMap<String, Integer>();
        for (var r : records) {
            String key = rule.key().apply(r);
            if (key != null) {
                int used = lengths.getOrDefault(key, 0);
                int[] block = blocks.get(key);
                if (block == null) {
                    block = new int[4];
                } else if (used == block.length) {
                    block = Arrays.copyOf(block, used * 2);
                }
                block[used] = r.index();
                blocks.put(key, block);
                lengths.put(key, used + 1);
            }
        }
        for (var entry : blocks.entrySet()) {
            int[] block = entry.getValue();
            int n = lengths.get(entry.getKey());
            if (n < 2 || n > MAX_BLOCK) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (link && records.get(block[i]).source() == records.get(block[j]).source()) {
                        continue;
                    }
                    if (size == pairs.length) {
                        pairs = Arrays.copyOf(pairs, size * 2);
                    }
                    pairs[size++] = pair(block[i], block[j]);
                }
            }
        }
        Arrays.parallelSort(pairs, 0, size);
        int unique = 0;
        for (int i = 0; i < size; i++) {
            if (unique == 0 || pairs[i] != pairs[unique - 1]) {
                pairs[unique++] = pairs[i];
            }
        }
        return Arrays.copyOf(pairs, unique);
    }

    /**
     * People from the pairs above the threshold, strongest first. Two clusters merge only when the average
     * match probability over every pair between them (compared now if blocking did not) is above the
     * threshold: a single strong link between two otherwise different groups does not join them.
     */
    int[] cluster(List<PersonRecord> records, List<ScoredPair> pairs, Model model, Map<String, Map<String, Double>> tf, boolean link) {
        int n = records.size();
        int[] parent = new int[n];
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            members.add(new ArrayList<>(List.of(i)));
        }
        var known = new HashMap<Long, Double>();
        for (var p : pairs) {
            known.put(pair(p.a(), p.b()), p.probability());
        }
        var strong = pairs.stream().filter(p -> p.probability() >= threshold)
                .sorted(Comparator.comparingDouble(ScoredPair::weight).reversed().thenComparingInt(ScoredPair::a).thenComparingInt(ScoredPair::b))
                .toList();
        for (var p : strong) {
            int ra = find(parent, p.a());
            int rb = find(parent, p.b());
            if (ra == rb) {
                continue;
            }
            double sum = 0;
            int count = 0;
            boolean cannotLink = false;
            for (int x : members.get(ra)) {
                for (int y : members.get(rb)) {
                    if (link && records.get(x).source() == records.get(y).source()) {
                        continue;
                    }
                    Double probability = known.get(pair(x, y));
                    if (probability == null) {
                        double w = weight(compare(records.get(x), records.get(y)), records.get(x), records.get(y), model, tf);
                        probability = probability(w);
                        known.put(pair(x, y), probability);
                    }
                    sum += probability;
                    count++;
                    cannotLink |= probability < CANNOT_LINK;
                }
            }
            if (count == 0 || sum / count > threshold && !cannotLink) {
                parent[rb] = ra;
                members.get(ra).addAll(members.get(rb));
                members.set(rb, List.of());
            }
        }
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            cluster[i] = find(parent, i);
        }
        return cluster;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
