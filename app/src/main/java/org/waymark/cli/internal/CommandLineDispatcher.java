package org.waymark.cli.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.waymark.cli.CliArguments;
import org.waymark.cli.CliCommand;
import org.waymark.cli.CliException;

/** Runs the one command named on the command line, when the application starts without a web server. */
@Component
@ConditionalOnProperty(name = "waymark.command-line", havingValue = "true")
class CommandLineDispatcher implements ApplicationRunner, ExitCodeGenerator {

    private static final Set<String> FLAGS = Set.of("password-stdin", "demo", "json", "all");

    private final List<CliCommand> commands;
    private int exitCode = 0;

    CommandLineDispatcher(List<CliCommand> commands) {
        this.commands = commands.stream().sorted(Comparator.comparing(c -> String.join(" ", c.name()))).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> words = Arrays.asList(args.getSourceArgs());
        CliCommand command = commands.stream()
                .filter(c -> words.size() >= c.name().size() && words.subList(0, c.name().size()).equals(c.name()))
                .findFirst()
                .orElse(null);
        if (command == null) {
            System.err.println("waymark: unknown command '" + String.join(" ", words) + "'. Commands:");
            commands.forEach(c -> System.err.printf("  %-28s %s%n", String.join(" ", c.name()), c.summary()));
            exitCode = 2;
            return;
        }
        try {
            var arguments = new CliArguments(words.subList(command.name().size(), words.size()), FLAGS, System.in);
            exitCode = command.run(arguments, System.out);
        } catch (CliException e) {
            System.err.println("waymark " + String.join(" ", command.name()) + ": " + e.getMessage());
            exitCode = e.exitCode();
        }
        System.out.flush();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
