package org.waymark.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command's options after picocli has parsed them ({@code --name value}, {@code --name=value} and {@code --flag}
 * switches): every option checked against the ones the command declares, so a typo or a stray word never passes.
 */
public final class CliArguments {

    private final Map<String, String> options;
    private final String parameter;
    private final InputStream stdin;

    CliArguments(Map<String, String> options, String parameter, InputStream stdin) {
        this.options = Map.copyOf(options);
        this.parameter = parameter;
        this.stdin = stdin;
    }

    /** The options of one command, as the dispatcher declares them to picocli: {@code flags} take no value. */
    public static CommandSpec spec(String name, String summary, Set<String> options, Set<String> flags) {
        return spec(name, summary, options, flags, null);
    }

    /** As {@link #spec(String, String, Set, Set)}, with one required word after the options, labelled {@code parameter}. */
    public static CommandSpec spec(String name, String summary, Set<String> options, Set<String> flags, String parameter) {
        var spec = CommandSpec.create().name(name);
        if (parameter != null) {
            spec.addPositional(CommandLine.Model.PositionalParamSpec.builder().arity("1").paramLabel(parameter).type(String.class).build());
        }
        spec.usageMessage().description(summary);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help and exit.").build());
        options.stream().sorted().forEach(o -> spec.addOption(flags.contains(o)
                ? OptionSpec.builder("--" + o).arity("0").type(boolean.class).build()
                : OptionSpec.builder("--" + o).arity("1").type(String.class).paramLabel(o.toUpperCase(java.util.Locale.ROOT)).build()));
        return spec;
    }

    /** The options picocli matched for a command, flags as "true". */
    public static CliArguments of(CommandLine.ParseResult parsed, InputStream stdin) {
        var values = new LinkedHashMap<String, String>();
        for (OptionSpec o : parsed.matchedOptions()) {
            if (!o.usageHelp()) {
                Object value = o.getValue();
                values.put(o.longestName().substring(2), o.arity().max() == 0 ? "true" : String.valueOf(value));
            }
        }
        Object word = parsed.matchedPositionals().isEmpty() ? null : parsed.matchedPositionals().get(0).getValue();
        String parameter = word == null ? null : word.toString();
        return new CliArguments(values, parameter, stdin);
    }

    /** Parses a command's words on their own (tests, and commands run from code), as the dispatcher would. */
    public static CliArguments parse(List<String> words, Set<String> options, Set<String> flags, InputStream stdin) {
        var line = new CommandLine(spec("command", "", options, flags));
        try {
            return of(line.parseArgs(words.toArray(String[]::new)), stdin);
        } catch (CommandLine.ParameterException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** The word after the options, for a command that declares one. */
    public String parameter() {
        if (parameter == null || parameter.isBlank()) {
            throw new CliException("a file name is required");
        }
        return parameter;
    }

    public String required(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new CliException("--" + name + " is required");
        }
        return value;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(options.get(name)).filter(v -> !v.isBlank());
    }

    public boolean flag(String name) {
        return "true".equals(options.get(name));
    }

    public int integer(String name, int defaultValue, int min, int max) {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new CliException("--" + name + " must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new CliException("--" + name + " must be a whole number");
        }
    }

    /** Reads the first line of standard input, for secrets that must not appear in a process list. */
    public String firstLineOfStdin(String what) {
        try {
            var reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            String line = reader.readLine();
            if (line == null || line.isEmpty()) {
                throw new CliException(what + " expected on standard input");
            }
            return line;
        } catch (IOException e) {
            throw new CliException("could not read " + what + " from standard input");
        }
    }
}
