package org.waymark.programme.internal;

import java.util.List;

/** A file (completions, survey responses) refused whole, with every problem found by line; nothing of it was saved. */
final class FileRejected extends RuntimeException {

    final List<String> problems;

    FileRejected(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }
}
