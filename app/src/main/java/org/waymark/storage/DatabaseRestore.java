package org.waymark.storage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import org.waymark.cli.CliException;

/**
 * {@code ./waymark restore DIR}: puts a backup made by {@code ./waymark admin backup} into a new installation, with
 * the service stopped. Plain Java, without the application: the service's own start would create an empty schema
 * where the copy is to go. Reads the same environment variables as the service. It refuses to write over anything:
 * the embedded default's data folder must hold no database, a PostgreSQL database must have no tables, and the
 * audit checkpoint folder must be empty (the checkpoints of the history being replaced are evidence: keep them with
 * the incident record, docs/operations.md).
 */
public final class DatabaseRestore {

    private DatabaseRestore() {
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length != 1 || args[0].startsWith("-")) {
            err.println("Usage: ./waymark restore DIR   (a folder written by ./waymark admin backup; the service stopped)");
            return 2;
        }
        Path backup = Path.of(args[0]).toAbsolutePath();
        Path dataDir = Path.of(env.getOrDefault("WAYMARK_DATA_DIR", "./data")).toAbsolutePath();
        Path checkpoints = Path.of(env.getOrDefault("WAYMARK_AUDIT_CHECKPOINT_DIR", dataDir.resolve("audit-checkpoints").toString())).toAbsolutePath();
        String url = env.get("WAYMARK_DB_URL");
        try {
            if (!Files.isRegularFile(backup.resolve("backup.txt"))) {
                throw new CliException(backup + " is not a Waymark backup (it has no backup.txt)");
            }
            if (Files.isDirectory(checkpoints) && !DatabaseBackup.isEmpty(checkpoints)) {
                throw new CliException("the audit checkpoint folder " + checkpoints + " is not empty: move its files aside (keep them with the "
                        + "incident record) or set WAYMARK_AUDIT_CHECKPOINT_DIR to a new folder");
            }
            if (url == null || url.isBlank()) {
                restoreEmbedded(backup, dataDir, env);
            } else if (PostgresTools.isPostgres(url)) {
                restorePostgres(backup, PostgresTools.target(url, env.get("WAYMARK_DB_USER"), env.get("WAYMARK_DB_PASSWORD")), url);
            } else {
                throw new CliException("restore knows the embedded H2 database and PostgreSQL, not " + url.replaceAll(";.*", ""));
            }
            DatabaseBackup.copyFolder(backup.resolve(DatabaseBackup.CHECKPOINTS), checkpoints);
            PrivateFiles.narrow(checkpoints);
            out.println("restored from " + backup + "; now run ./waymark audit verify");
            return 0;
        } catch (CliException e) {
            err.println("waymark restore: " + e.getMessage());
            return 2;
        } catch (IOException | SQLException e) {
            err.println("waymark restore: " + e.getMessage());
            return 1;
        }
    }

    private static void restoreEmbedded(Path backup, Path dataDir, Map<String, String> env) throws IOException, SQLException {
        Path script = backup.resolve(DatabaseBackup.H2_SCRIPT);
        Path zip = backup.resolve(DatabaseBackup.H2_FILE);
        if (!Files.isRegularFile(script) && !Files.isRegularFile(zip)) {
            throw new CliException(backup + " holds no embedded database (" + DatabaseBackup.H2_SCRIPT
                    + "); set WAYMARK_DB_URL to restore a PostgreSQL backup");
        }
        Path database = dataDir.resolve("waymark.mv.db");
        if (Files.exists(database) || Files.exists(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE))) {
            throw new CliException(dataDir + " already holds a database: restore into a new WAYMARK_DATA_DIR");
        }
        PrivateFiles.folder(dataDir);
        var copied = new ArrayList<Path>();
        for (String secret : DatabaseBackup.EMBEDDED_SECRETS) {
            if (Files.exists(backup.resolve(secret)) && !Files.exists(dataDir.resolve(secret))) {
                copied.add(Files.copy(backup.resolve(secret), dataDir.resolve(secret)));
            }
        }
        try {
            if (Files.isRegularFile(script)) {
                runScript(script, dataDir, env);
            } else {
                unzipPhysicalCopy(zip, dataDir);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            // Nothing half-made stays behind, so the same command can be run again once the cause is mended.
            for (Path file : copied) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(database);
            Files.deleteIfExists(dataDir.resolve("waymark.trace.db"));
            throw e;
        }
        PrivateFiles.narrow(dataDir);
    }

    /** Builds a new database from the logical copy (made by SCRIPT in one snapshot; every index is rebuilt). */
    private static void runScript(Path script, Path dataDir, Map<String, String> env) throws IOException, SQLException {
        Path passwordFile = dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE);
        String password = env.getOrDefault("WAYMARK_DB_PASSWORD", "");
        if (password.isEmpty() && Files.exists(passwordFile)) {
            password = Files.readString(passwordFile).trim();
        }
        // The service's own URL (application.yml) without the automatic server: nothing else opens it meanwhile.
        String url = EmbeddedDatabase.PREFIX + dataDir.resolve("waymark") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (var connection = DriverManager.getConnection(url, env.getOrDefault("WAYMARK_DB_USER", "sa"), password);
                var statement = connection.createStatement()) {
            statement.execute("RUNSCRIPT FROM '" + script.toString().replace("'", "''") + "' COMPRESSION ZIP");
        }
    }

    private static void unzipPhysicalCopy(Path zip, Path dataDir) throws IOException {
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                // H2's backup holds the database file at its top level; nothing else is taken out of it.
                if (entry.isDirectory() || !name.matches("[A-Za-z0-9._-]+")) {
                    throw new CliException(zip + " holds an unexpected entry: " + name);
                }
                Files.copy(in, dataDir.resolve(name));
            }
        }
    }

    private static void restorePostgres(Path backup, PostgresTools.Target target, String url) throws SQLException {
        Path dump = backup.resolve(DatabaseBackup.DUMP_FILE);
        if (!Files.isRegularFile(dump)) {
            throw new CliException(backup + " holds no PostgreSQL dump (" + DatabaseBackup.DUMP_FILE + ")");
        }
        try (var connection = DriverManager.getConnection(url, target.user(), target.password());
                var tables = connection.createStatement().executeQuery(
                        "select count(*) from information_schema.tables where table_schema = current_schema()")) {
            tables.next();
            if (tables.getLong(1) > 0) {
                throw new CliException("the database " + target.database() + " already has tables: restore into a new, empty database");
            }
        }
        PostgresTools.run("pg_restore", target, List.of("--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", dump.toString()));
    }

}
