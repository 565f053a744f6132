package org.waymark.statistics.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.waymark.cli.CliArguments;
import org.waymark.cli.CliCommand;
import org.waymark.cli.CliException;

/**
 * {@code ./waymark import referrals FILE.csv}: imports a legacy system's referrals, all or nothing. The last line is
 * the number imported; on any invalid row nothing is imported, each problem is printed with its row, and the exit
 * code is 1.
 */
@Component
class ImportCommand implements CliCommand {

    private final ReferralImport imports;

    ImportCommand(ReferralImport imports) {
        this.imports = imports;
    }

    @Override
    public List<String> name() {
        return List.of("import", "referrals");
    }

    @Override
    public String summary() {
        return "imports history from a legacy system (docs/import-format.md): all or nothing; prints the number imported last";
    }

    @Override
    public Set<String> options() {
        return Set.of();
    }

    @Override
    public String parameter() {
        return "FILE";
    }

    @Override
    public int run(CliArguments arguments, PrintStream out) {
        Path file = Path.of(arguments.parameter());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new CliException(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        var outcome = imports.importCsv(text, "command-line", null);
        if (!outcome.ok()) {
            outcome.problems().forEach(p -> out.println(p));
            out.println("Nothing was imported: " + outcome.problems().size() + " problem(s) in " + file.getFileName() + ".");
            return 1;
        }
        if (outcome.replaced() > 0) {
            out.println(outcome.replaced() + " referral(s) imported before were replaced by this file's rows.");
        }
        out.println("Imported " + outcome.imported() + " referrals");
        return 0;
    }
}
