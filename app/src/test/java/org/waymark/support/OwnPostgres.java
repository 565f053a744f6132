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

    /**
     * Continuous archiving, as the operations guide sets it up: every finished WAL segment is copied to
     * {@link #archive()}. Takes effect at the next start (the test restarts the server after calling it).
     */
    public void archiveWal() throws IOException, InterruptedException {
        Path archive = archive();
        Files.createDirectories(archive);
        if (root) {
            run("chown", "postgres:postgres", archive.toString());
        }
        Files.writeString(data.resolve("cluster").resolve("postgresql.auto.conf"), "wal_level = replica\narchive_mode = on\n"
                + "archive_command = 'test ! -f " + archive + "/%f && cp %p " + archive + "/%f'\n", java.nio.file.StandardOpenOption.APPEND);
        stop();
        start();
    }

    public Path archive() {
        return data.resolve("archive");
    }

    /** A base backup of the running server ({@code pg_basebackup}, WAL streamed alongside), taken while it works. */
    public Path baseBackup() throws IOException, InterruptedException {
        Path base = data.resolve("base");
        run(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-D", base.toString(),
                "-X", "stream", "--checkpoint=fast", "--no-sync");
        return base;
    }

    /** Ends the current WAL segment so that it is archived, and waits until its file is in the archive. */
    public void archiveCurrentWal() throws IOException, InterruptedException {
        var process = new ProcessBuilder(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
                "-d", "postgres", "-Atc", "select pg_walfile_name(pg_switch_wal())").redirectErrorStream(true).start();
        String segment = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0 || !segment.matches("[0-9A-F]{24}")) {
            throw new IllegalStateException("pg_switch_wal failed: " + segment);
        }
        for (int i = 0; i < 200 && !Files.exists(archive().resolve(segment)); i++) {
            Thread.sleep(100);
        }
        if (!Files.exists(archive().resolve(segment))) {
            throw new IllegalStateException("WAL segment " + segment + " was not archived in twenty seconds");
        }
    }

    /**
     * The primary is lost (stopped at once, its data set aside); the base backup becomes the data directory and
     * replays every archived WAL segment, then opens for writing, on the same port. Point-in-time recovery to the
     * end of the archive, as the operations guide describes it.
     */
    public void recoverFrom(Path base) throws IOException, InterruptedException {
        stop();
        Path cluster = data.resolve("cluster");
        Files.move(cluster, data.resolve("cluster-lost"));
        Files.move(base, cluster);
        Files.writeString(cluster.resolve("postgresql.auto.conf"), "archive_mode = off\nrestore_command = 'cp " + archive() + "/%f %p'\n"
                + "recovery_target_action = 'promote'\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(cluster.resolve("recovery.signal"), "");
        if (root) {
            run("chown", "-R", "postgres:postgres", cluster.toString());
        }
        try {
            start();
        } catch (IllegalStateException e) {
            var log = Files.readAllLines(data.resolve("log"));
            throw new IllegalStateException(e.getMessage() + "\nserver log (last lines):\n"
                    + String.join("\n", log.subList(Math.max(0, log.size() - 30), log.size())), e);
        }
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
