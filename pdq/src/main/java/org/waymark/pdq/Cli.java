package org.waymark.pdq;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** What this library's commands share: picocli on the given streams; bad arguments a message and the usage, exit 2. */
final class Cli {

    private Cli() {
    }

    static int execute(CommandLine line, String name, String[] args, PrintStream out, PrintStream err) {
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        line.setParameterExceptionHandler((e, given) -> {
            err.println(name + ": " + e.getMessage());
            e.getCommandLine().usage(err);
            return 2;
        });
        return line.execute(args);
    }

    /** A command group run without one of its commands: its usage, exit 2. */
    static int usage(CommandSpec spec) {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
