package org.waymark.pdq;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pdq hash FILE...}: one {@code hash,quality,path} line per image, in the order named, hashed on every core. Parsed by picocli. */
public final class PdqCommand {

    private PdqCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.execute(new CommandLine(new Root()).addSubcommand("hash", new Hash(out, err)), "pdq", args, out, err);
    }

    @Command(name = "pdq", mixinStandardHelpOptions = true, description = "Meta's PDQ perceptual image hash.")
    static final class Root implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return Cli.usage(spec);
        }
    }

    @Command(name = "hash", mixinStandardHelpOptions = true, description = "Prints hash,quality,path for each image.")
    static final class Hash implements Callable<Integer> {
        private final PrintStream out;
        private final PrintStream err;

        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<String> files = new ArrayList<>();

        Hash(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            var hasher = new PdqHasher();
            int cores = Runtime.getRuntime().availableProcessors();
            int failures = 0;
            // Every core hashes; lines still come out in the order the files were named. At most a few files a core
            // are in hand at once, so a folder of thousands does not hold thousands of decoded images.
            try (var workers = Executors.newFixedThreadPool(cores)) {
                var pending = new ArrayDeque<Future<String[]>>();
                for (String name : files) {
                    pending.add(workers.submit(() -> hashOne(hasher, name)));
                    if (pending.size() >= 2 * cores) {
                        failures += print(pending.poll());
                    }
                }
                while (!pending.isEmpty()) {
                    failures += print(pending.poll());
                }
            }
            return failures == 0 ? 0 : 1;
        }

        /** The line for one file: {out, null} or {null, err}. */
        private static String[] hashOne(PdqHasher hasher, String name) {
            try {
                var result = hasher.hash(new java.io.ByteArrayInputStream(Files.readAllBytes(Path.of(name))));
                return new String[] {result.hash().toHex() + "," + result.quality() + "," + name, null};
            } catch (NoSuchFileException e) {
                return new String[] {null, "pdq: " + name + ": no such file"};
            } catch (IOException | RuntimeException e) {
                return new String[] {null, "pdq: " + name + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())};
            }
        }

        private int print(Future<String[]> done) {
            String[] line;
            try {
                line = done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            if (line[0] != null) {
                out.println(line[0]);
                return 0;
            }
            err.println(line[1]);
            return 1;
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
