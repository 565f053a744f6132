package org.waymark.audit.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.waymark.cli.CliArguments;
import org.waymark.cli.CliCommand;

/** {@code ./waymark audit verify}: exit 0 when the trail is intact; 1, naming the first bad entry, when not. */
@Component
class AuditCommands implements CliCommand {

    private final AuditVerifier verifier;

    AuditCommands(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public List<String> name() {
        return List.of("audit", "verify");
    }

    @Override
    public Set<String> options() {
        return Set.of();
    }

    @Override
    public String summary() {
        return "checks the audit trail's hash chain, MACs and checkpoints; exit 1 names the first bad entry";
    }

    @Override
    public int run(CliArguments arguments, PrintStream out) {
        var result = verifier.verify();
        if (result.intact()) {
            out.printf("audit trail intact: %d entries sealed, %d awaiting sealing, %d checkpoints match%n",
                    result.sealed(), result.pending(), result.checkpoints());
            return 0;
        }
        out.println("audit trail NOT intact: " + result.problems().get(0));
        for (String problem : result.problems().subList(1, result.problems().size())) {
            out.println("  also: " + problem);
        }
        return 1;
    }
}
