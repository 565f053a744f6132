package org.waymark.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The embedded database's settings as the service starts with them: durable, private, with a password of its own. */
class EmbeddedDatabaseUnitTest {

    @TempDir
    Path temp;

    private StandardEnvironment environment(String url, String password) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("spring.datasource.url", url,
                "spring.datasource.username", "sa", "spring.datasource.password", password)));
        new EmbeddedDatabase().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aNewDatabaseIsDurableWithAGeneratedPasswordInAPrivateFolder() throws Exception {
        Path folder = temp.resolve("data");
        String url = "jdbc:h2:file:" + folder.resolve("waymark") + ";MODE=PostgreSQL";
        var environment = environment(url, "");
        assertThat(environment.getProperty("spring.datasource.url")).endsWith(";WRITE_DELAY=0");
        String password = environment.getProperty("spring.datasource.password");
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(folder.resolve(EmbeddedDatabase.PASSWORD_FILE))).isEqualTo("rw-------");
        assertThat(Files.readString(folder.resolve(EmbeddedDatabase.PASSWORD_FILE)).trim()).isEqualTo(password);
        // The next start reads the same password.
        assertThat(environment(url, "").getProperty("spring.datasource.password")).isEqualTo(password);
        assertThat(System.getProperty("h2.bindAddress")).isEqualTo("127.0.0.1");
    }

    @Test
    void aDatabaseMadeWithoutAPasswordIsGivenOneAndItsFilesAreNarrowed() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("old"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        String url = "jdbc:h2:file:" + folder.resolve("waymark");
        try (var c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("create table kept (v int)");
            c.createStatement().execute("insert into kept values (42)");
        }
        Files.setPosixFilePermissions(folder.resolve("waymark.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));

        var environment = environment(url, "");
        String password = environment.getProperty("spring.datasource.password");
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(folder.resolve("waymark.mv.db"))).isEqualTo("rw-------");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
        try (var c = DriverManager.getConnection(environment.getProperty("spring.datasource.url"), "sa", password);
                var rs = c.createStatement().executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void anOperatorsOwnSettingsAndOtherDatabasesAreLeftAlone() {
        String chosen = "jdbc:h2:file:" + temp.resolve("x/waymark") + ";WRITE_DELAY=100";
        var h2 = environment(chosen, "their-own-password");
        assertThat(h2.getProperty("spring.datasource.url")).isEqualTo(chosen);
        assertThat(h2.getProperty("spring.datasource.password")).isEqualTo("their-own-password");
        var postgres = environment("jdbc:postgresql://127.0.0.1:5432/waymark", "");
        assertThat(postgres.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/waymark");
        assertThat(postgres.getProperty("spring.datasource.password")).isEmpty();
    }
}
