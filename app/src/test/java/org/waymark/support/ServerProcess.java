package org.waymark.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The packaged service as an operator runs it: its own JVM on the jar, on one database, which a test can kill
 * with SIGKILL and start again; and the same jar's {@code admin} and {@code audit} commands beside it.
 */
public final class ServerProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target", "waymark.jar");

    private final Map<String, String> env;
    private final Path log;
    private final int port;
    private Process process;

    /** For this test database: PostgreSQL by its URL, H2 as the default configuration finds it in the data folder. */
    public ServerProcess(TestDatabase.Created db, Map<String, String> extra) throws IOException {
        this(db.dataDir(), TestDatabase.postgres() ? Map.of("WAYMARK_DB_URL", db.url(), "WAYMARK_DB_USER", db.user(),
                "WAYMARK_DB_PASSWORD", db.password()) : Map.of(), extra);
    }

    /** On the database these settings name ({@code WAYMARK_DB_*}), with its files in this folder. */
    public ServerProcess(Path dataDir, Map<String, String> database, Map<String, String> extra) throws IOException {
        Assumptions.assumeTrue(Files.exists(JAR), "the packaged jar is built by 'mvn package' before integration tests");
        this.env = new HashMap<>();
        env.put("WAYMARK_DATA_DIR", dataDir.toString());
        env.put("WAYMARK_DEMO", "false");
        env.put("WAYMARK_AOT", "false");
        env.putAll(database);
        env.putAll(extra);
        Files.createDirectories(dataDir);
        this.log = dataDir.resolveSibling(dataDir.getFileName() + "-server.log");
        try (var socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Starts the service and waits until it reports ready (up to two minutes). */
    public void start() throws IOException, InterruptedException {
        var builder = new ProcessBuilder(java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
                "--server.port=" + port, "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        process = builder.start();
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var ready = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not become ready in two minutes; see " + log);
    }

    /** SIGKILL: no shutdown hook, no flush, as when the machine's memory killer or a power cut takes it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public record Run(int exit, String output) {
    }

    /** One command of the jar ({@code admin ...}, {@code audit verify}) on the same database. */
    public Run command(String input, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        var started = builder.start();
        if (input != null) {
            started.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        started.getOutputStream().close();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!started.waitFor(2, TimeUnit.MINUTES)) {
            started.destroyForcibly();
            throw new IllegalStateException("'" + String.join(" ", args) + "' did not finish in two minutes");
        }
        return new Run(started.exitValue(), output);
    }

    /** A new account made with {@code admin create-user}, and an API token for it from {@code admin create-token}. */
    public String apiUser(String username, String role, String organisation, String area) throws IOException, InterruptedException {
        var created = command("Process-" + java.util.UUID.randomUUID() + "\n", "admin", "create-user", "--username", username, "--role", role,
                "--organisation", organisation, "--area", area, "--password-stdin");
        if (created.exit() != 0) {
            throw new IllegalStateException("create-user failed: " + created.output());
        }
        var issued = command(null, "admin", "create-token", "--username", username, "--days", "1");
        if (issued.exit() != 0) {
            throw new IllegalStateException("create-token failed: " + issued.output());
        }
        String[] lines = issued.output().strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    /** The server's log lines that mention this (an error reference), with the ten lines after each, for a failure message. */
    public String logAround(String needle) {
        try {
            var lines = java.nio.file.Files.readAllLines(log);
            var out = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(needle)) {
                    lines.subList(i, Math.min(lines.size(), i + 11)).forEach(l -> out.append(l).append('\n'));
                }
            }
            return out.toString();
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
