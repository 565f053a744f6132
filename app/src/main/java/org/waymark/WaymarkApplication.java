package org.waymark;

import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.modulith.Modulithic;

/**
 * Waymark: referral and case management for Prevent.
 *
 * <p>{@code java -jar waymark.jar} serves the web application; {@code java -jar waymark.jar admin ...}
 * {@code audit ...} and {@code import ...} run one command against the same database without a web server and exit.
 */
@Modulithic(sharedModules = "cli")
@SpringBootApplication
public class WaymarkApplication {

    private static final Set<String> COMMAND_GROUPS = Set.of("admin", "audit", "import", "retention");

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("pdq")) {
            // Plain-Java tools need no application context: answer at JVM speed.
            System.exit(org.waymark.pdq.PdqCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("vpdq")) {
            System.exit(org.waymark.pdq.VpdqCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("linkage")) {
            System.exit(org.waymark.linkage.LinkageCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("restore")) {
            // Without the application: its start would make an empty schema where the backup is to go.
            System.exit(org.waymark.storage.DatabaseRestore.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(),
                    System.out, System.err));
        }
        if (args.length > 0 && COMMAND_GROUPS.contains(args[0])) {
            // System properties outrank application.yml: a command prints its answer, not the start-up log.
            System.setProperty("logging.level.root", "ERROR");
            System.setProperty("logging.level.org.waymark", "WARN");
            var context = new SpringApplicationBuilder(WaymarkApplication.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .properties("waymark.command-line=true")
                    .run(args);
            System.exit(SpringApplication.exit(context));
        }
        SpringApplication.run(WaymarkApplication.class, args);
    }
}
