package org.waymark.storage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.waymark.cli.CliArguments;
import org.waymark.cli.CliCommand;
import org.waymark.cli.CliException;

/**
 * {@code ./waymark admin backup DIR}: an online backup, taken while the service runs, into a new folder. First the
 * audit checkpoints as they stand, then the database (on H2 a logical {@code SCRIPT} read in one snapshot
 * transaction; or {@code pg_dump}, one snapshot): the database is then never older than a checkpoint, so {@code audit verify}
 * passes on the restored copy. On the embedded default the folder also holds the database's generated password
 * and the generated audit key, without which the copy could not be opened or verified; with PostgreSQL those
 * secrets belong to the operator's secret store. {@code ./waymark restore DIR} puts it back ({@link DatabaseRestore}).
 */
@Component
class DatabaseBackup implements CliCommand {

    /** The embedded database as SQL, zipped: every row read through its table in one snapshot (ADR 13). */
    static final String H2_SCRIPT = "waymark.sql.zip";
    /** Backups made before 2026-12-07 hold H2's physical BACKUP TO copy; restore still reads them. */
    static final String H2_FILE = "waymark.zip";
    static final String DUMP_FILE = "waymark.dump";
    static final String CHECKPOINTS = "audit-checkpoints";
    static final List<String> EMBEDDED_SECRETS = List.of(EmbeddedDatabase.PASSWORD_FILE, "audit.key");

    private final JdbcTemplate jdbc;
    private final String url;
    private final String user;
    private final String password;
    private final Path dataDir;
    private final Path checkpointDir;

    DatabaseBackup(JdbcTemplate jdbc, @Value("${spring.datasource.url}") String url, @Value("${spring.datasource.username:}") String user,
            @Value("${spring.datasource.password:}") String password, @Value("${waymark.data-dir}") String dataDir,
            @Value("${waymark.audit.checkpoint-dir}") String checkpointDir) {
        this.jdbc = jdbc;
        this.url = url;
        this.user = user;
        this.password = password;
        this.dataDir = Path.of(dataDir).toAbsolutePath();
        this.checkpointDir = Path.of(checkpointDir).toAbsolutePath();
    }

    @Override
    public List<String> name() {
        return List.of("admin", "backup");
    }

    @Override
    public String summary() {
        return "an online backup into a new folder DIR (database, audit checkpoints; on the embedded default its generated secrets)";
    }

    @Override
    public Set<String> options() {
        return Set.of();
    }

    @Override
    public String parameter() {
        return "DIR";
    }

    @Override
    public int run(CliArguments arguments, PrintStream out) {
        Path target = Path.of(arguments.parameter()).toAbsolutePath();
        try {
            if (Files.exists(target) && (!Files.isDirectory(target) || !isEmpty(target))) {
                throw new CliException(target + " already holds something: give a new or empty folder");
            }
            PrivateFiles.folder(target);
            // Checkpoints before the database: every chain position they name is then in the copy.
            copyFolder(checkpointDir, target.resolve(CHECKPOINTS));
            String kind;
            if (PostgresTools.isPostgres(url)) {
                kind = "postgresql";
                PostgresTools.run("pg_dump", PostgresTools.target(url, user, password),
                        List.of("--format=custom", "--no-owner", "--no-privileges", "--file", target.resolve(DUMP_FILE).toString()));
            } else if (url.regionMatches(true, 0, EmbeddedDatabase.PREFIX, 0, EmbeddedDatabase.PREFIX.length())) {
                kind = "h2";
                script(target.resolve(H2_SCRIPT));
                for (String secret : EMBEDDED_SECRETS) {
                    if (Files.exists(dataDir.resolve(secret))) {
                        Files.copy(dataDir.resolve(secret), target.resolve(secret));
                    }
                }
            } else {
                throw new CliException("backup knows the embedded H2 database and PostgreSQL, not " + url.replaceAll(";.*", ""));
            }
            PrivateFiles.append(target.resolve("backup.txt"), "Waymark backup\ndatabase: " + kind + "\ntaken: " + Instant.now() + "\n");
            PrivateFiles.narrow(target);
            out.println("backup written to " + target + " (" + kind + ")");
            return 0;
        } catch (IOException e) {
            throw new CliException("cannot write the backup to " + target + ": " + e.getMessage());
        }
    }

    /**
     * The whole embedded database as SQL, read in one snapshot transaction. Not H2's physical {@code BACKUP TO}:
     * under heavy load once it gave a copy whose secondary index named a row its table did not hold ("Row not
     * found in primary index"), which the restored server could not open. A logical copy reads each row through its
     * table, so it cannot carry a broken page or index over, and the restore rebuilds every index.
     */
    private void script(Path file) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            try (var statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
                statement.execute("SCRIPT TO '" + file.toString().replace("'", "''") + "' COMPRESSION ZIP");
                connection.commit();
            } finally {
                try (var statement = connection.createStatement()) {
                    statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
                }
                connection.setAutoCommit(autoCommit);
            }
            return null;
        });
    }

    static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    static void copyFolder(Path from, Path to) throws IOException {
        PrivateFiles.folder(to);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
