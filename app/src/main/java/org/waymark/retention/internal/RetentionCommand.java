package org.waymark.retention.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.waymark.cli.CliArguments;
import org.waymark.cli.CliCommand;

/**
 * {@code ./waymark retention run}: what the daily job does, on demand. Prints what it did and exits 0; a case that
 * could not be erased is named (it stays decided and is tried again) and the exit code is 1.
 */
@Component
class RetentionCommand implements CliCommand {

    private final RetentionReviews reviews;

    RetentionCommand(RetentionReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public List<String> name() {
        return List.of("retention", "run");
    }

    @Override
    public String summary() {
        return "queues every closed case due for review under the retention schedule and carries out every deletion already decided";
    }

    @Override
    public Set<String> options() {
        return Set.of();
    }

    @Override
    public int run(CliArguments arguments, PrintStream out) {
        var run = reviews.run("command-line", null);
        out.println("Retention reviews queued: " + run.queued());
        out.println("Cases erased: " + run.erasedCases() + " (person records erased: " + run.erasedPeople() + ")");
        run.problems().forEach(p -> out.println("Not erased, tried again next run: " + p));
        if (run.compaction() == org.waymark.storage.EmbeddedCompaction.Outcome.NOT_THE_OWNER
                || run.compaction() == org.waymark.storage.EmbeddedCompaction.Outcome.BUSY) {
            out.println("The embedded database file still holds the erased rows until it is compacted: the running service does it "
                    + "at its nightly retention run (docs/retention.md).");
        }
        return run.problems().isEmpty() ? 0 : 1;
    }
}
