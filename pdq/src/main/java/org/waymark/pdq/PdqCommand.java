package org.waymark.pdq;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pdq hash FILE...}: one {@code hash,quality,path} line per image, as the reference tools print. Parsed by picocli. */
public final class PdqCommand {

    private PdqCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        var line = new CommandLine(new Root()).addSubcommand("hash", new Hash(out, err));
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        line.setParameterExceptionHandler((e, given) -> {
            err.println("pdq: " + e.getMessage());
            e.getCommandLine().usage(err);
            return 2;
        });
        return line.execute(args);
    }

    @Command(name = "pdq", mixinStandardHelpOptions = true, description = "Meta's PDQ perceptual image hash.")
    static final class Root implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return 2;
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
            int failures = 0;
            for (String name : files) {
                try (InputStream in = Files.newInputStream(Path.of(name))) {
                    var result = hasher.hash(in);
                    out.println(result.hash().toHex() + "," + result.quality() + "," + name);
                } catch (NoSuchFileException e) {
                    err.println("pdq: " + name + ": no such file");
                    failures++;
                } catch (IOException | RuntimeException e) {
                    err.println("pdq: " + name + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                    failures++;
                }
            }
            return failures == 0 ? 0 : 1;
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
