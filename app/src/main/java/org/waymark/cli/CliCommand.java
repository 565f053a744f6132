package org.waymark.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * One command of the {@code ./waymark} launcher that runs against the database without a web server,
 * such as {@code admin create-user} or {@code audit verify}. Modules contribute commands as beans; picocli parses
 * their options, so every command has the same {@code --help} and the same way of saying what was wrong.
 */
public interface CliCommand {

    /** Options that take no value. */
    Set<String> FLAGS = Set.of("password-stdin", "demo", "json", "all");

    /** The words that select this command, e.g. {@code ["admin", "create-user"]}. */
    List<String> name();

    /** One line for {@code ./waymark help} and the command's {@code --help}. */
    String summary();

    /** The options the command takes (without {@code --}); anything else is refused before it runs. */
    Set<String> options();

    /** The label of the one word the command takes after its options ({@code FILE}), or null when it takes none. */
    default String parameter() {
        return null;
    }

    /**
     * Runs the command.
     *
     * @param arguments the options given, as picocli parsed them
     * @return the process exit code: 0 for success
     * @throws CliException for bad usage or input, reported without a stack trace
     */
    int run(CliArguments arguments, PrintStream out) throws CliException;
}
