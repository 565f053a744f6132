package org.waymark.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.waymark.cli.CliException;

/**
 * PostgreSQL's own client tools ({@code pg_dump}, {@code pg_restore}) run on the database a JDBC URL names. The
 * password goes in the child's environment ({@code PGPASSWORD}), never on its command line, where {@code ps}
 * would show it.
 */
final class PostgresTools {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]+)(\\?.*)?");

    record Target(String host, String port, String database, String user, String password) {

        List<String> connection() {
            return List.of("--host", host, "--port", port, "--username", user, "--dbname", database);
        }
    }

    private PostgresTools() {
    }

    static boolean isPostgres(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    static Target target(String jdbcUrl, String user, String password) {
        var m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new CliException("cannot read host and database from " + jdbcUrl.replaceAll("\\?.*", "")
                    + " (expected jdbc:postgresql://HOST[:PORT]/DATABASE)");
        }
        return new Target(m.group(1), m.group(2) == null ? "5432" : m.group(2), m.group(3), user == null ? "postgres" : user, password);
    }

    /** Runs the tool with these arguments after the connection's; its error output becomes the exception's message. */
    static void run(String tool, Target target, List<String> arguments) {
        var command = new ArrayList<String>();
        command.add(tool);
        command.addAll(arguments);
        command.addAll(target.connection());
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (target.password() != null && !target.password().isEmpty()) {
                builder.environment().put("PGPASSWORD", target.password());
            }
            var process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(6, TimeUnit.HOURS) || process.exitValue() != 0) {
                throw new CliException(tool + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new CliException("cannot run " + tool + " (install PostgreSQL's client tools, the same major version as the server): "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(tool + " was interrupted");
        }
    }
}
