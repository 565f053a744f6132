package org.waymark.pdq;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vpdq hash [--seconds-per-hash S] [--downsample N] FILE...} prints each video's frame hashes in the
 * reference's format under a {@code # FILE} line; {@code vpdq match QUERY CANDIDATE} compares two such files and
 * ends with {@code query_pct=Q candidate_pct=C match=true|false}. Parsed by picocli.
 */
public final class VpdqCommand {

    private VpdqCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        var line = new CommandLine(new Root()).addSubcommand("hash", new Hash(out, err)).addSubcommand("match", new Match(out, err));
        return Cli.execute(line, "vpdq", args, out, err);
    }

    @Command(name = "vpdq", mixinStandardHelpOptions = true, description = "Meta's vPDQ video hash: PDQ of each frame, matched as bags of frames.")
    static final class Root implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return Cli.usage(spec);
        }
    }

    @Command(name = "hash", mixinStandardHelpOptions = true,
            description = "Prints '# FILE', then frame_number,quality,pdq_hash,timestamp_seconds for each hashed frame.")
    static final class Hash implements Callable<Integer> {
        private final PrintStream out;
        private final PrintStream err;

        @Option(names = "--seconds-per-hash", paramLabel = "S", description = "hash one frame every S seconds; 0 (default) hashes every frame")
        double secondsPerHash;

        @Option(names = "--downsample", paramLabel = "N", description = "hash frames scaled to N x N; 0 (default) keeps the full size")
        int downsample;

        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<String> files = new ArrayList<>();

        Hash(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            if (!(secondsPerHash >= 0) || Double.isInfinite(secondsPerHash) || downsample < 0) {
                err.println("vpdq: --seconds-per-hash and --downsample take a number of 0 or more");
                return 2;
            }
            int cores = Runtime.getRuntime().availableProcessors();
            int failures = 0;
            try (var workers = Executors.newFixedThreadPool(cores)) {
                var hasher = new VpdqHasher(workers, cores);
                for (String name : files) {
                    try {
                        var features = hasher.hash(Path.of(name), secondsPerHash, downsample);
                        var text = new StringBuilder("# ").append(name).append('\n');
                        features.forEach(f -> text.append(f.toLine()).append('\n'));
                        out.print(text);
                        out.flush();
                    } catch (NoSuchFileException e) {
                        err.println("vpdq: " + name + ": no such file");
                        failures++;
                    } catch (IOException | RuntimeException e) {
                        err.println("vpdq: " + name + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                        failures++;
                    }
                }
            }
            return failures == 0 ? 0 : 1;
        }
    }

    @Command(name = "match", mixinStandardHelpOptions = true,
            description = "Compares two files of frame hashes; the last line is query_pct=Q candidate_pct=C match=true|false.")
    static final class Match implements Callable<Integer> {
        private final PrintStream out;
        private final PrintStream err;

        @Option(names = "--distance", paramLabel = "D", description = "frames within D bits match (default 31)")
        int distance = VpdqMatcher.DEFAULT_DISTANCE;

        @Option(names = "--quality", paramLabel = "Q", description = "frames under quality Q are left out (default 50)")
        int quality = VpdqMatcher.DEFAULT_QUALITY;

        @Option(names = "--threshold", paramLabel = "PCT", description = "a match when the candidate's matched percentage reaches PCT (default 80)")
        double threshold = VpdqMatcher.DEFAULT_THRESHOLD;

        @Parameters(index = "0", paramLabel = "QUERY")
        String query;

        @Parameters(index = "1", paramLabel = "CANDIDATE")
        String candidate;

        Match(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            VpdqMatcher matcher;
            try {
                matcher = new VpdqMatcher(distance, quality, threshold);
            } catch (IllegalArgumentException e) {
                err.println("vpdq: " + e.getMessage());
                return 2;
            }
            List<VpdqFeature> q;
            List<VpdqFeature> c;
            try {
                q = read(query);
                c = read(candidate);
            } catch (IOException | IllegalArgumentException e) {
                err.println("vpdq: " + e.getMessage());
                return 2;
            }
            var result = matcher.compare(q, c);
            out.println(String.format(Locale.ROOT, "query_pct=%.3f candidate_pct=%.3f match=%s", result.queryPercent(), result.candidatePercent(),
                    result.match()));
            return 0;
        }

        private static List<VpdqFeature> read(String name) throws IOException {
            try {
                return VpdqFeature.parseAll(Files.readAllLines(Path.of(name), StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                throw new IOException(name + ": no such file", e);
            } catch (MalformedInputException e) {
                throw new IOException(name + ": not a text file of frame hashes", e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
