package org.waymark.linkage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Nicknames and transliterations ({@code name-equivalents.txt}): Robert and Bob, Mohammed and Muhammad.
 * A name may belong to several groups (Harry: Harold and Henry); two names are equivalent when they share one.
 */
public final class NameEquivalents {

    private final Map<String, Set<Integer>> groups = new HashMap<>();

    public static NameEquivalents standard() {
        var equivalents = new NameEquivalents();
        try (var in = NameEquivalents.class.getResourceAsStream("name-equivalents.txt");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int group = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                for (String name : line.trim().split("\\s+")) {
                    equivalents.groups.computeIfAbsent(name, k -> new HashSet<>()).add(group);
                }
                group++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return equivalents;
    }

    public boolean equivalent(String a, String b) {
        var ga = groups.get(a);
        var gb = groups.get(b);
        if (ga == null || gb == null) {
            return false;
        }
        for (Integer g : ga) {
            if (gb.contains(g)) {
                return true;
            }
        }
        return false;
    }
}
