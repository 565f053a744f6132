package org.waymark.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded H2 database made safe before anything connects to it (ADR 13):
 * <ul>
 * <li><b>durable commits</b>: {@code WRITE_DELAY=0}, so a commit is in the file before the referral's reference is
 * returned (H2's default acknowledges commits it writes up to half a second later, and a killed process lost them);</li>
 * <li><b>a generated password</b> kept 0600 in the database's folder ({@code db-password}), never {@code sa} with none;
 * a database made before that gets the password on its next start;</li>
 * <li><b>its folder 0700 and its files 0600</b>, and the automatic server that lets {@code ./waymark admin} share the
 * file with a running service listening on loopback only.</li>
 * </ul>
 * PostgreSQL and any other URL are left exactly as configured.
 */
public class EmbeddedDatabase implements EnvironmentPostProcessor, Ordered {

    static final String PREFIX = "jdbc:h2:file:";
    public static final String PASSWORD_FILE = "db-password";
    /** H2's error code for a wrong user name or password. */
    private static final int WRONG_PASSWORD = 28000;

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after application.yml and the environment have been read
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || !url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return;
        }
        Path database = Path.of(url.substring(PREFIX.length()).split(";", 2)[0]).toAbsolutePath();
        Path folder = database.getParent();
        // Read by H2 when its network code first loads, which is after this: the automatic server then binds to
        // loopback instead of every interface.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        var settings = new HashMap<String, Object>();
        String durable = durable(url);
        settings.put("spring.datasource.url", durable);
        // EmbeddedCompaction suspends the pool while it rewrites the file after an erasure.
        settings.put("spring.datasource.hikari.allow-pool-suspension", "true");
        try {
            PrivateFiles.folder(folder);
            PrivateFiles.narrow(folder);
            String password = environment.getProperty("spring.datasource.password");
            if (password == null || password.isEmpty()) {
                String user = environment.getProperty("spring.datasource.username", "sa");
                settings.put("spring.datasource.password", password(database, durable, user));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the embedded database folder " + folder
                    + " (it must be writable by this user): " + e.getMessage(), e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("waymarkEmbeddedDatabase", settings));
        // H2 creates its own files with the process's umask; narrow them once it has.
        application.addListeners((ApplicationListener<ApplicationReadyEvent>) ready -> PrivateFiles.narrow(folder));
    }

    /** The URL with commits written before they are acknowledged (unless the operator chose a write delay). */
    static String durable(String url) {
        return url.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=") ? url : url + ";WRITE_DELAY=0";
    }

    /**
     * The database's password from its folder. The first time, it is generated; a database that already exists
     * (made with no password) is given it before the file is written, so a crash between the two leaves the old
     * state, which the next start repeats.
     */
    private static String password(Path database, String url, String user) throws IOException {
        Path file = database.resolveSibling(PASSWORD_FILE);
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String generated = HexFormat.of().formatHex(random());
        boolean exists = Files.exists(database.resolveSibling(database.getFileName() + ".mv.db"));
        if (exists) {
            if (!user.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalStateException("cannot set a password for database user '" + user + "'");
            }
            try (var connection = DriverManager.getConnection(url, user, "");
                    var alter = connection.prepareStatement("alter user " + user + " set password ?")) {
                alter.setString(1, generated);
                alter.execute();
            } catch (SQLException e) {
                if (e.getErrorCode() == WRONG_PASSWORD) {
                    throw new IllegalStateException("the embedded database at " + database + " has a password, but " + file
                            + " is missing: restore that file or set WAYMARK_DB_PASSWORD", e);
                }
                throw new IllegalStateException("cannot open the embedded database at " + database + ": " + e.getMessage(), e);
            }
        }
        return PrivateFiles.secret(file, () -> generated);
    }

    private static byte[] random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
