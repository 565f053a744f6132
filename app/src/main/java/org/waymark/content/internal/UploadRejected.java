package org.waymark.content.internal;

import java.util.List;

/** An upload refused whole (a hash list, a bulk intake): nothing of it was saved; each problem reads "line N: what is wrong". */
final class UploadRejected extends RuntimeException {

    final List<String> problems;

    UploadRejected(List<String> problems) {
        super(problems.size() + " problems");
        this.problems = List.copyOf(problems);
    }
}
