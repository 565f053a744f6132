package org.waymark.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waymark.support.GeneratedReferrals;
import org.waymark.support.ServerProcess;
import org.waymark.support.TestDatabase;
import org.waymark.support.TestHttp;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./waymark import referrals FILE.csv} as the packaged jar runs it, with the server up and with it down: the
 * number imported on the last line and exit 0; a bad row imports nothing, names its row, and exits non-zero.
 */
class ImportCommandIntegrationTest {

    @TempDir
    Path folder;

    @Test
    void importsWithTheServerRunningOrNotAndRefusesABadFileWhole() throws Exception {
        var db = TestDatabase.create();
        var generated = GeneratedReferrals.generate(folder, 2014, 1, 200, "CLI", 2014L);
        Path bad = Files.writeString(folder.resolve("bad.csv"), generated.text().substring(0, generated.text().indexOf('\n') + 1)
                + "CLI-BAD-1,2014-05-01,Education,E09000007,,,Male,,,,,,,,,\nCLI-BAD-2,2014-05-01,Education,E09000007,,,Male,Purple,,,,,,,,\n");
        try (var server = new ServerProcess(db, Map.of())) {
            server.start();
            var imported = server.command(null, "import", "referrals", generated.csv().toString());
            assertThat(imported.exit()).as(imported.output()).isZero();
            assertThat(lastLine(imported.output())).isEqualTo("Imported 200 referrals");

            var refused = server.command(null, "import", "referrals", bad.toString());
            assertThat(refused.exit()).as(refused.output()).isNotZero();
            assertThat(refused.output()).contains("row 3: ethnicity \"Purple\" is not one of").doesNotContain("Exception");
            var missing = server.command(null, "import", "referrals", folder.resolve("nowhere.csv").toString());
            assertThat(missing.exit()).isNotZero();
            assertThat(missing.output()).contains("cannot read").doesNotContain("Exception");

            var created = server.command("Cli-Analyst-Password-2026\n", "admin", "create-user", "--username", "cli.analyst", "--role", "ANALYST",
                    "--organisation", "HOME-OFFICE", "--password-stdin");
            assertThat(created.exit()).as(created.output()).isZero();
            var token = server.command(null, "admin", "create-token", "--username", "cli.analyst", "--days", "1");
            var analyst = new TestHttp(server.baseUrl()).bearer(lastLine(token.output()));
            var answer = JsonMapper.builder().build().readTree(analyst.get("/api/v1/statistics/referrals?financialYear=2014").body());
            assertThat(answer.get("totals").get("referrals").asLong()).as("the good file only").isEqualTo(200);
            assertThat(answer.get("totals").get("discussedAtPanel").isNull()
                    || answer.get("totals").get("discussedAtPanel").asLong() == generated.year(2014).get("totals").get("discussedAtPanel").asLong())
                    .isTrue();
        }
        var stopped = new ServerProcess(db, Map.of());
        var again = stopped.command(null, "import", "referrals", generated.csv().toString());
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.output()).contains("200 referral(s) imported before were replaced");
        assertThat(lastLine(again.output())).isEqualTo("Imported 0 referrals");
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
