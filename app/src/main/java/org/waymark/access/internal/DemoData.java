package org.waymark.access.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.AccessEvents.By;
import org.waymark.access.Organisation;
import org.waymark.access.OrganisationType;
import org.waymark.access.Role;

/**
 * Demo organisations and one account per role, seeded into an empty database when {@code waymark.demo} is on.
 * Names are invented; the password is random per installation, kept in {@code data/demo-password.txt}, and shown in
 * the start-up banner only on a terminal (never where a log would keep it).
 */
@Component
@ConditionalOnProperty(name = "waymark.command-line", havingValue = "false", matchIfMissing = true)
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String CAMDEN = "E09000007";
    static final String MET = "E23000001";

    record DemoUser(String username, String displayName, Role role, String organisation, String area) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("demo.referrer", "Priya Demo-Referrer", Role.REFERRER, "DEMO-SCHOOL", CAMDEN),
            new DemoUser("demo.gateway", "Tom Demo-Gateway", Role.GATEWAY_OFFICER, "PF-" + MET, MET),
            new DemoUser("demo.caseofficer", "Ade Demo-Caseofficer", Role.PREVENT_CASE_OFFICER, "PF-" + MET, MET),
            // A CT police supervisor: approves the closure of a repeat referral and clears deconfliction matches.
            new DemoUser("demo.supervisor", "Nia Demo-Supervisor", Role.MANAGER, "PF-" + MET, MET),
            new DemoUser("demo.coordinator", "Sam Demo-Coordinator", Role.CHANNEL_COORDINATOR, "LA-" + CAMDEN, CAMDEN),
            new DemoUser("demo.chair", "Lee Demo-Chair", Role.CHANNEL_CHAIR, "LA-" + CAMDEN, CAMDEN),
            new DemoUser("demo.panel", "Kit Demo-Panel", Role.PANEL_MEMBER, "DEMO-NHS", CAMDEN),
            new DemoUser("demo.provider", "Ash Demo-Provider", Role.INTERVENTION_PROVIDER, "DEMO-PROVIDER", null),
            new DemoUser("demo.manager", "Rae Demo-Manager", Role.MANAGER, "LA-" + CAMDEN, CAMDEN),
            new DemoUser("demo.analyst", "Jo Demo-Analyst", Role.ANALYST, JdbcGeography.HOME_OFFICE, null),
            new DemoUser("demo.dpo", "Mo Demo-Dpo", Role.DPO, JdbcGeography.HOME_OFFICE, null),
            new DemoUser("demo.content", "Cy Demo-Content", Role.CONTENT_ANALYST, JdbcGeography.CTIRU, null),
            // A second analyst, because a referral to a platform needs one analyst to assess and another to approve.
            new DemoUser("demo.content2", "Dee Demo-Content", Role.CONTENT_ANALYST, JdbcGeography.CTIRU, null),
            new DemoUser("demo.programme", "Bo Demo-Programme", Role.PROGRAMME_MANAGER, "LA-" + CAMDEN, CAMDEN),
            new DemoUser("demo.admin", "Al Demo-Admin", Role.ADMIN, JdbcGeography.HOME_OFFICE, null));

    private final DemoProperties properties;
    private final UserAccounts accounts;
    private final UserAdministration administration;
    private final JdbcGeography geography;
    private final TransactionTemplate transactions;
    private final Environment environment;

    DemoData(DemoProperties properties, UserAccounts accounts, UserAdministration administration, JdbcGeography geography,
            TransactionTemplate transactions, Environment environment) {
        this.properties = properties;
        this.accounts = accounts;
        this.administration = administration;
        this.geography = geography;
        this.transactions = transactions;
        this.environment = environment;
    }

    @EventListener(ContextRefreshedEvent.class)
    @Order(10)
    public void seedIfEmpty() {
        if (!properties.demo() || !accounts.isEmpty()) {
            return;
        }
        String password = password();
        transactions.executeWithoutResult(status -> {
            var now = OffsetDateTime.now(ZoneOffset.UTC);
            for (var o : List.of(
                    new Organisation("DEMO-SCHOOL", "Northfield Academy (demo)", OrganisationType.SCHOOL_OR_COLLEGE, CAMDEN),
                    new Organisation("DEMO-NHS", "Riverside NHS Foundation Trust (demo)", OrganisationType.NHS_BODY, CAMDEN),
                    new Organisation("DEMO-PROVIDER", "Bridgeway Mentoring (demo)", OrganisationType.INTERVENTION_PROVIDER, null))) {
                if (geography.organisation(o.code()).isEmpty()) {
                    geography.insertOrganisation(o, now);
                }
            }
            geography.refresh();
            var by = new By(UserAccount.DEMO_CREATOR, null);
            for (var u : USERS) {
                administration.create(new UserAdministration.NewUser(u.username(), u.displayName(), null,
                        EnumSet.of(u.role()), u.organisation(), u.area(), password), by);
            }
        });
        log.info("Seeded demo data: 3 organisations and {} users (one per role, a CT police supervisor, and a second internet referral analyst)", USERS.size());
    }

    @EventListener(ApplicationReadyEvent.class)
    public void printBanner() {
        if (!properties.demo() || accounts.byUsername(USERS.get(0).username()).isEmpty()) {
            return;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        var banner = new StringBuilder("\n");
        banner.append("  Waymark is ready at http://localhost:").append(port).append("/\n");
        banner.append("  DEMO MODE: synthetic data; demo accounts sign in without a second factor.\n");
        banner.append("  Demo accounts (all share one password):\n");
        for (var u : USERS) {
            banner.append(String.format("    %-18s %s%n", u.username(), u.role()));
        }
        // Shown only on a terminal: where standard output is a file or a log collector, the log would keep it.
        banner.append(onTerminal() ? "  Password: " + password() + "   (kept in " + credentialsFile() + ")\n"
                : "  Password: in " + credentialsFile() + " (readable by this user only)\n");
        System.out.println(banner);
    }

    /** Standard output is a terminal (a person is watching), not a file or a pipe a log keeps. */
    private static boolean onTerminal() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22 and later always have a console object; isTerminal says whether it is a real one.
            return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException java21) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** The installation's demo password: fixed by configuration, else generated once and kept beside the data. */
    String password() {
        if (properties.demoPassword() != null && !properties.demoPassword().isBlank()) {
            return properties.demoPassword();
        }
        Path file = credentialsFile();
        try {
            return org.waymark.storage.PrivateFiles.secret(file, DemoData::generate);
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the demo password in " + file, e);
        }
    }

    private Path credentialsFile() {
        return Path.of(properties.dataDir() == null ? "./data" : properties.dataDir()).resolve("demo-password.txt");
    }

    private static String generate() {
        var random = new SecureRandom();
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var out = new StringBuilder("demo-");
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
