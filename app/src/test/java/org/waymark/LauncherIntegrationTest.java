package org.waymark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ./waymark launcher as a newcomer runs it: JDK choice and clear errors for bad arguments. */
class LauncherIntegrationTest {

    static final Path LAUNCHER = Path.of("..", "waymark").toAbsolutePath().normalize();

    @BeforeAll
    static void launcherPresent() {
        Assumptions.assumeTrue(Files.isExecutable(LAUNCHER), "the launcher sits at the repository root: " + LAUNCHER);
    }

    record Run(int exit, String output) {
    }

    private static Run run(Map<String, String> env, String... args) throws Exception {
        var command = new java.util.ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        var process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void helpListsTheCommands() throws Exception {
        var help = run(Map.of(), "help");
        assertThat(help.exit()).isZero();
        assertThat(help.output()).contains("serve [--port P]").contains("admin create-user").contains("audit verify");
    }

    @Test
    void badArgumentsAreExplainedNotStackTraced() throws Exception {
        var unknown = run(Map.of(), "frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.output()).contains("unknown command 'frobnicate'");
        var port = run(Map.of(), "serve", "--port", "eighty");
        assertThat(port.exit()).isEqualTo(2);
        assertThat(port.output()).contains("--port must be a number");
    }

    @Test
    void pdqHashPrintsTheReferenceLine() throws Exception {
        // The repository's own conformance image, with the reference implementation's hash for it.
        Path image = Path.of("..", "pdq", "src", "test", "resources", "pdq-conformance", "images", "square-512x512.jpg").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.exists(Path.of("target", "waymark.jar")), "the jar is packaged before integration tests");
        var run = run(Map.of("WAYMARK_AOT", "false"), "pdq", "hash", image.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.output()).contains("d8f8f0cec0f4a84f0637022a278f67f0b36e2ed596621e1d33e6339c4e9c9b22,100," + image);
    }

    @Test
    void linkageEvaluateRunsOnItsOwnClassPath() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("target", "waymark.jar")), "the jar is packaged before integration tests");
        // The launcher runs the linkage library on its own jars, not the application's: every one it needs must be there.
        Path file = Path.of("..", "linkage", "src", "test", "resources", "linkage-conformance", "dataset1.csv").toAbsolutePath().normalize();
        var run = run(Map.of("WAYMARK_AOT", "false"), "linkage", "evaluate", file.toString(), "--map", "first_name=given_name", "--map",
                "dob=date_of_birth", "--map", "id_number=soc_sec_id", "--truth-pattern", "rec-(\\d+)", "--id-column", "rec_id");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("precision=").doesNotContain("Exception");
    }

    /** A JDK older than 21 in the folder that holds the one running the tests, found by its release file. */
    static File olderJdk() throws java.io.IOException {
        Path home = Path.of(System.getProperty("java.home")).toRealPath();
        Path folder = home.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return null;
        }
        try (var dirs = Files.list(folder)) {
            for (Path dir : dirs.sorted().toList()) {
                Path release = dir.resolve("release");
                if (Files.isExecutable(dir.resolve("bin/java")) && Files.isReadable(release)) {
                    var m = java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
                    if (m.find() && Integer.parseInt(m.group(1)) < 21) {
                        return dir.toFile();
                    }
                }
            }
        }
        return null;
    }

    @Test
    void anOldJavaHomeIsPassedOverForANewerJdk() throws Exception {
        File jdk17 = olderJdk();
        Assumptions.assumeTrue(jdk17 != null, "needs a JDK older than 21 beside this one to stand in for an old JAVA_HOME");
        // Runs the launcher's own find_java function with JAVA_HOME pointing at JDK 17.
        var builder = new ProcessBuilder("bash", "-c", "source <(sed -n '/^java_major()/,/^}/p;/^find_java()/,/^}/p;/^die()/p' '"
                + LAUNCHER + "'); find_java").redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", jdk17.getPath());
        var process = builder.start();
        String chosen = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor(60, TimeUnit.SECONDS);
        assertThat(chosen).isNotEqualTo(jdk17.getPath()).startsWith("/");
        var version = new ProcessBuilder(chosen + "/bin/java", "-version").redirectErrorStream(true).start();
        String out = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).containsPattern("version \"(2[1-9]|[3-9]\\d)");
    }
}
