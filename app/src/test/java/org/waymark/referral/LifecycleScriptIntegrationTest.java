package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.waymark.support.IntegrationTest;

/**
 * {@code examples/lifecycle.sh}, exactly as a user runs it: curl and jq against the running server, with
 * {@code ./waymark admin} (the packaged jar) creating its users in the same database.
 */
class LifecycleScriptIntegrationTest extends IntegrationTest {

    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String user;
    @Value("${spring.datasource.password}")
    String password;
    @Value("${waymark.data-dir}")
    String dataDir;

    @Test
    void theExampleWalksAReferralToItsLastReview() throws Exception {
        Path jar = Path.of("target", "waymark.jar").toAbsolutePath();
        Path script = Path.of("..", "examples", "lifecycle.sh").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.exists(jar), "the packaged jar is built by 'mvn package' before integration tests");
        String java = ProcessHandle.current().info().command().orElse("java");
        var builder = new ProcessBuilder("bash", script.toString(), baseUrl()).redirectErrorStream(true);
        builder.environment().put("WAYMARK_ADMIN", java + " -XX:TieredStopAtLevel=1 -jar " + jar + " admin");
        builder.environment().put("WAYMARK_DB_URL", url);
        builder.environment().put("WAYMARK_DB_USER", user);
        builder.environment().put("WAYMARK_DB_PASSWORD", password == null ? "" : password);
        builder.environment().put("WAYMARK_DATA_DIR", dataDir);
        var process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("lifecycle: OK");
    }
}
