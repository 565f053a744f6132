package org.waymark.linkage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code linkage evaluate FILE [FILE2] [--map our_field=their_column ...] [--truth-column C | --truth-pattern REGEX --id-column C]}:
 * trains on the file(s) without looking at the truth, predicts people, and scores the predicted pairs
 * against the truth. One file is deduplicated; two are linked one to the other. Columns named like
 * Waymark's fields ({@link Fields#ALL}) are used as they are; {@code --map} names the others.
 */
public final class LinkageCommand {

    /** What the shipped person-match model is trained on; a test checks the shipped file is what this produces. */
    public static final int TRAINING_RECORDS = 30_000;
    public static final long TRAINING_SEED = 7;

    private LinkageCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        var line = new CommandLine(new Root()).addSubcommand("evaluate", new Evaluate(out, err)).addSubcommand("train-model", new TrainModel(out));
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        line.setParameterExceptionHandler((e, given) -> {
            err.println("linkage: " + e.getMessage());
            e.getCommandLine().usage(err);
            return 2;
        });
        return line.execute(args);
    }

    @Command(name = "linkage", mixinStandardHelpOptions = true, description = "Record linkage on labelled files, and the shipped model.")
    static final class Root implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return 2;
        }
    }

    @Command(name = "train-model", mixinStandardHelpOptions = true,
            description = "The application's person-match model, trained on synthetic people: > app/src/main/resources/reference/person-match-model.tsv")
    static final class TrainModel implements Callable<Integer> {
        private final PrintStream out;

        TrainModel(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() {
            // EM over synthetic people, so no real record ever shapes it.
            out.print(MatchModel.train(SyntheticPeople.generate(TRAINING_RECORDS, TRAINING_SEED).records()).write());
            return 0;
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Trains without the truth, predicts people, and scores the predicted pairs against the truth.")
    static final class Evaluate implements Callable<Integer> {
        private final PrintStream out;
        private final PrintStream err;

        @Parameters(arity = "1..2", paramLabel = "FILE", description = "one file to deduplicate, or two to link")
        List<Path> files = new ArrayList<>();

        @Option(names = "--map", paramLabel = "our_field=their_column", description = "a column named otherwise than our field")
        List<String> mappings = new ArrayList<>();

        @Option(names = "--truth-column", paramLabel = "C")
        String truthColumn;

        @Option(names = "--truth-pattern", paramLabel = "REGEX")
        String truthPattern;

        @Option(names = "--id-column", paramLabel = "C")
        String idColumn;

        @Option(names = "--verbose", description = "print the trained model's weights")
        boolean verbose;

        Evaluate(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            var map = new LinkedHashMap<String, String>();
            try {
                for (String m : mappings) {
                    int eq = m.indexOf('=');
                    if (eq < 1 || !Fields.ALL.contains(m.substring(0, eq))) {
                        throw new IllegalArgumentException("--map wants our_field=their_column with our_field one of " + Fields.ALL);
                    }
                    map.put(m.substring(0, eq), m.substring(eq + 1).trim());
                }
                if (truthColumn == null && (truthPattern == null || idColumn == null)) {
                    throw new IllegalArgumentException("say where the truth is: --truth-column C, or --truth-pattern REGEX with --id-column C");
                }
                for (Path f : files) {
                    if (!Files.isReadable(f)) {
                        throw new IllegalArgumentException("cannot read " + f);
                    }
                }
            } catch (IllegalArgumentException e) {
                err.println("linkage: " + e.getMessage());
                return 2;
            }
            return evaluate(files, map, truthColumn, truthPattern, idColumn, verbose, out, err);
        }
    }

    static int evaluate(List<Path> files, Map<String, String> map, String truthColumn, String truthPattern, String idColumn, boolean verbose,
            PrintStream out, PrintStream err) {
        try {
            long start = System.nanoTime();
            var records = new ArrayList<PersonRecord>();
            var truth = new ArrayList<String>();
            List<String> present = null;
            for (int source = 0; source < files.size(); source++) {
                var loaded = load(files.get(source), source, map, truthColumn, truthPattern, idColumn, records, truth);
                present = present == null ? loaded : present.stream().filter(loaded::contains).toList();
            }
            boolean link = files.size() == 2;
            var linker = Linker.standard(present);
            var result = linker.run(records, link);
            double seconds = (System.nanoTime() - start) / 1e9;
            var score = score(records, truth, result.cluster(), link);
            out.printf(Locale.ROOT, "records %d, fields %s, %s%n", records.size(), present, link ? "linking two files" : "deduplicating");
            out.printf(Locale.ROOT, "pairs compared %d (blocking), matches among them %.4f, prior for any two records %.6f%n",
                    result.candidatePairs(), result.model().lambda(), result.model().prior());
            if (verbose) {
                var model = result.model();
                for (int k = 0; k < model.comparisons().size(); k++) {
                    var c = model.comparisons().get(k);
                    for (int l = 0; l < c.levels().size(); l++) {
                        out.printf(Locale.ROOT, "  %-13s %-20s m=%.4f u=%.6f weight=%+.2f%n", c.name(), c.levels().get(l), model.m()[k][l],
                                model.u()[k][l], Math.log(model.m()[k][l] / model.u()[k][l]) / Math.log(2));
                    }
                }
            }
            long blockedTrue = java.util.Arrays.stream(result.candidates())
                    .filter(p -> truth.get(Linker.first(p)).equals(truth.get(Linker.second(p)))).count();
            out.printf(Locale.ROOT, "true pairs %d (%d of them compared), predicted pairs %d, correct %d%n", score[0], blockedTrue, score[1],
                    score[2]);
            out.printf(Locale.ROOT, "%.2f s, %.0f records per second (ms: %s)%n", seconds, records.size() / seconds, result.millis());
            double precision = score[1] == 0 ? 1 : score[2] / (double) score[1];
            double recall = score[0] == 0 ? 1 : score[2] / (double) score[0];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            out.printf(Locale.ROOT, "precision=%.4f recall=%.4f f1=%.4f%n", precision, recall, f1);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("linkage: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("linkage: cannot read the file: " + e.getMessage());
            return 1;
        }
        }

    /** Reads a CSV, cleaning Waymark's fields and noting each row's truth key. Returns the fields present. */
    static List<String> load(Path file, int source, Map<String, String> map, String truthColumn, String truthPattern, String idColumn,
            List<PersonRecord> records, List<String> truth) throws IOException {
        CsvRows.Table table;
        try {
            table = CsvRows.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (CsvRows.Malformed e) {
            throw new IllegalArgumentException(file + ", " + e.getMessage());
        }
        if (table.header().isEmpty()) {
            throw new IllegalArgumentException(file + " is empty");
        }
        var header = table.header();
        var columnOf = new HashMap<String, Integer>();
        for (String field : Fields.ALL) {
            String column = map.getOrDefault(field, field);
            int i = indexOf(header, column);
            if (i >= 0) {
                columnOf.put(field, i);
            } else if (map.containsKey(field)) {
                throw new IllegalArgumentException(file + " has no column " + column + " (its columns: " + header + ")");
            }
        }
        int truthIndex = indexOf(header, truthColumn != null ? truthColumn : idColumn);
        if (truthIndex < 0) {
            throw new IllegalArgumentException(file + " has no column " + (truthColumn != null ? truthColumn : idColumn));
        }
        Pattern pattern = truthPattern == null ? null : Pattern.compile(truthPattern);
        for (var row : table.rows()) {
            // Numbered as before: the first row after the header is 1.
            long line = row.line() - 1;
            var values = row.fields();
            var fields = new HashMap<String, String>();
            columnOf.forEach((field, i) -> {
                String v = Fields.clean(field, i < values.size() ? values.get(i) : null);
                if (v != null) {
                    fields.put(field, v);
                }
            });
            String key = truthIndex < values.size() ? values.get(truthIndex).strip() : "";
            if (pattern != null) {
                Matcher m = pattern.matcher(key);
                key = m.find() ? (m.groupCount() > 0 ? m.group(1) : m.group()) : key;
            }
            records.add(new PersonRecord(records.size(), source, String.valueOf(line), fields));
            truth.add(key.isEmpty() ? "row-" + source + "-" + line : key);
        }
        return Fields.ALL.stream().filter(columnOf::containsKey).toList();
    }

    private static int indexOf(List<String> header, String column) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    /** true pairs, predicted pairs, correct predicted pairs. */
    static long[] score(List<PersonRecord> records, List<String> truth, int[] cluster, boolean link) {
        long trueCount = pairsWithin(records, groupBy(truth), link);
        var clusters = new ArrayList<String>();
        for (int c : cluster) {
            clusters.add(Integer.toString(c));
        }
        long predicted = pairsWithin(records, groupBy(clusters), link);
        var both = new ArrayList<String>();
        for (int i = 0; i < cluster.length; i++) {
            both.add(cluster[i] + "|" + truth.get(i));
        }
        long correct = pairsWithin(records, groupBy(both), link);
        return new long[] {trueCount, predicted, correct};
    }

    private static Map<String, List<Integer>> groupBy(List<String> keys) {
        var groups = new HashMap<String, List<Integer>>();
        for (int i = 0; i < keys.size(); i++) {
            groups.computeIfAbsent(keys.get(i), k -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    private static long pairsWithin(List<PersonRecord> records, Map<String, List<Integer>> groups, boolean link) {
        long pairs = 0;
        for (var g : groups.values()) {
            if (!link) {
                pairs += (long) g.size() * (g.size() - 1) / 2;
            } else {
                long left = g.stream().filter(i -> records.get(i).source() == 0).count();
                pairs += left * (g.size() - left);
            }
        }
        return pairs;
    }

}
