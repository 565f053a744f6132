package org.waymark.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL instance of the test's own (initdb into a temporary folder, its own port), which the test may stop
 * and start to make an outage. The machine's shared PostgreSQL is never touched. As root, the server runs as the
 * {@code postgres} account, since PostgreSQL refuses to run as root.
 */
public final class OwnPostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean root;

    public OwnPostgres() throws IOException, InterruptedException {
        this.bin = binaries();
        Assumptions.assumeTrue(bin != null, "no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql");
        this.root = "root".equals(System.getProperty("user.name"));
        this.data = Files.createTempDirectory("waymark-own-pg-");
        try (var socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        if (root) {
            run("chown", "postgres:postgres", data.toString());
        }
        run(bin.resolve("initdb").toString(), "-D", data.resolve("cluster").toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                "--no-sync");
        start();
    }

    private static Path binaries() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString)).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public void start() throws IOException, InterruptedException {
        run(bin.resolve("pg_ctl").toString(), "-D", data.resolve("cluster").toString(), "-w", "-l", data.resolve("log").toString(),
                "-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** An outage as a crash makes one: immediate shutdown, connections cut. */
    public void stop() throws IOException, InterruptedException {
        run(bin.resolve("pg_ctl").toString(), "-D", data.resolve("cluster").toString(), "-w", "-m", "immediate", "stop");
    }

    public void createDatabase(String name) throws IOException, InterruptedException {
        run(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-d", "postgres", "-c",
                "create database " + name);
    }

    private void run(String... command) throws IOException, InterruptedException {
        var words = new ArrayList<String>();
        if (root && !command[0].equals("chown")) {
            words.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        words.addAll(List.of(command));
        var process = new ProcessBuilder(words).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", words) + " failed: " + output);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stop();
        } catch (IllegalStateException alreadyStopped) {
            // stopped by the test
        }
        try (var paths = Files.walk(data)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
