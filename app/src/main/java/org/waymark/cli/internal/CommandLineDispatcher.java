package org.waymark.cli.internal;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.waymark.cli.CliArguments;
import org.waymark.cli.CliCommand;
import org.waymark.cli.CliException;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs the one command named on the command line, when the application starts without a web server. picocli
 * parses it against a tree of the commands the modules contribute ({@code admin create-user}, {@code audit verify}):
 * unknown commands and options, missing values and stray words are refused in one style, with the command's usage.
 */
@Component
@ConditionalOnProperty(name = "waymark.command-line", havingValue = "true")
class CommandLineDispatcher implements ApplicationRunner, ExitCodeGenerator {

    /** Usage or input the command refused. */
    static final int USAGE = 2;

    private final List<CliCommand> commands;
    private int exitCode = 0;

    CommandLineDispatcher(List<CliCommand> commands) {
        this.commands = commands.stream().sorted(Comparator.comparing(c -> String.join(" ", c.name()))).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        var leaves = new HashMap<CommandSpec, CliCommand>();
        var line = new CommandLine(tree(leaves));
        var err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        line.setErr(err);
        line.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        CommandLine.ParseResult parsed;
        try {
            parsed = line.parseArgs(args.getSourceArgs());
        } catch (CommandLine.ParameterException e) {
            err.println("waymark " + e.getCommandLine().getCommandSpec().qualifiedName(" ").replaceFirst("^waymark ?", "") + ": " + e.getMessage());
            e.getCommandLine().usage(err);
            exitCode = USAGE;
            return;
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return;
        }
        var leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        CliCommand command = leaves.get(leaf.commandSpec());
        if (command == null) {
            err.println("waymark: name a command. Commands:");
            commands.forEach(c -> err.printf("  %-28s %s%n", String.join(" ", c.name()), c.summary()));
            exitCode = USAGE;
            return;
        }
        try {
            exitCode = command.run(CliArguments.of(leaf, System.in), System.out);
        } catch (CliException e) {
            err.println("waymark " + String.join(" ", command.name()) + ": " + e.getMessage());
            exitCode = e.exitCode();
        }
        System.out.flush();
    }

    /** The commands as picocli's tree: a group per first word ("admin"), a leaf per command. */
    private CommandSpec tree(Map<CommandSpec, CliCommand> leaves) {
        var root = CommandSpec.create().name("waymark");
        var groups = new HashMap<String, CommandSpec>();
        for (var c : commands) {
            CommandSpec parent = root;
            for (String word : c.name().subList(0, c.name().size() - 1)) {
                var group = groups.get(word);
                if (group == null) {
                    group = CommandSpec.create().name(word);
                    groups.put(word, group);
                    parent.addSubcommand(word, group);
                }
                parent = group;
            }
            String last = c.name().get(c.name().size() - 1);
            var leaf = CliArguments.spec(last, c.summary(), c.options(), CliCommand.FLAGS, c.parameter());
            parent.addSubcommand(last, leaf);
            leaves.put(leaf, c);
        }
        return root;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
