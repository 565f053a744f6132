package org.waymark.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One command of the {@code ./waymark} launcher that runs against the database without a web server,
 * such as {@code admin create-user} or {@code audit verify}. Modules contribute commands as beans.
 */
public interface CliCommand {

    /** The words that select this command, e.g. {@code ["admin", "create-user"]}. */
    List<String> name();

    /** One line for {@code ./waymark help}. */
    String summary();

    /**
     * Runs the command.
     *
     * @param arguments the words after the command's name
     * @return the process exit code: 0 for success
     * @throws CliException for bad usage or input, reported without a stack trace
     */
    int run(CliArguments arguments, PrintStream out) throws CliException;
}
