package org.waymark.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * A database of its own for each Spring context the tests start: an H2 file database under target/ (the
 * embedded default, with AUTO_SERVER as in production) or a new PostgreSQL database, dropped when the
 * JVM exits. Which one is chosen by the failsafe execution ({@code -Dwaymark.test.database=h2|postgres}).
 */
public final class TestDatabase {

    public static final String ADMIN_URL = System.getenv().getOrDefault("WAYMARK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String ADMIN_USER = System.getenv().getOrDefault("WAYMARK_TEST_PG_USER", "postgres");
    public static final String ADMIN_PASSWORD = System.getenv().getOrDefault("WAYMARK_TEST_PG_PASSWORD", "");

    public record Created(String url, String user, String password, Path dataDir) {
    }

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("waymark.test.database", "h2"));
    }

    public static boolean postgresRequired() {
        return Boolean.getBoolean("waymark.test.require-postgres");
    }

    /** Null when PostgreSQL answers; otherwise why not. */
    public static String postgresProblem() {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, ADMIN_USER, ADMIN_PASSWORD)) {
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    public static Created create() {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        Path dataDir = Path.of("target", "it-data", id).toAbsolutePath();
        if (!postgres()) {
            String url = "jdbc:h2:file:" + dataDir.resolve("waymark")
                    + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            // No password: the application gives the embedded database its own, kept in the data folder, as in production.
            return new Created(url, "sa", null, dataDir);
        }
        String name = "waymark_it_" + id;
        try (Connection c = DriverManager.getConnection(ADMIN_URL, ADMIN_USER, ADMIN_PASSWORD)) {
            c.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + ADMIN_URL + ": " + e.getMessage(), e);
        }
        // Spring closes its contexts in a shutdown hook of its own, at the same time. Forcing the drop at once cut
        // their connections mid-close, and the pools then waited out their 30 s connection timeout against a
        // database that was gone, holding the forked JVM past its exit. So wait for the context to let go first.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        String url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
        return new Created(url, ADMIN_USER, ADMIN_PASSWORD, dataDir);
    }

    /** Drops the database once nothing is connected (up to 20 s), then by force. Best effort: each run makes its own. */
    private static void drop(String name) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, ADMIN_USER, ADMIN_PASSWORD)) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < deadline) {
                try (var rs = c.createStatement().executeQuery("select count(*) from pg_stat_activity where datname = '" + name + "'")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(100);
            }
            c.createStatement().execute("drop database if exists " + name + " with (force)");
        } catch (SQLException | InterruptedException ignored) {
            // A leftover test database never affects another run.
        }
    }
}
