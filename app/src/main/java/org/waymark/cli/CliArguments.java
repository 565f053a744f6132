package org.waymark.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses {@code --name value} options and {@code --flag} switches after a command's name. */
public final class CliArguments {

    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();
    private final InputStream stdin;

    public CliArguments(List<String> words, Set<String> flags, InputStream stdin) {
        this.stdin = stdin;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.startsWith("--")) {
                String name = word.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    options.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (flags.contains(name)) {
                    options.put(name, "true");
                } else if (i + 1 < words.size()) {
                    options.put(name, words.get(++i));
                } else {
                    throw new CliException("--" + name + " needs a value");
                }
            } else {
                positional.add(word);
            }
        }
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

    /** Rejects any option the command does not know, and any stray word, so a typo never passes silently. */
    public void allowOnly(Set<String> known) {
        if (!positional.isEmpty()) {
            throw new CliException("unexpected argument '" + positional.get(0) + "' (options are written --name value)");
        }
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new CliException("unknown option --" + name);
            }
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
