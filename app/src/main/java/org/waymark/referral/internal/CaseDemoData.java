package org.waymark.referral.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.access.CurrentUser;
import org.waymark.access.OrganisationType;
import org.waymark.access.Role;
import org.waymark.referral.CaseFile;

/**
 * In demo mode, a gateway queue with something in it: four synthetic referrals from the demo school in Camden,
 * two of them the same young person (the repeat-referral warning shows), and a third spelt differently, for
 * record linkage to offer as the same person. Names are invented.
 */
@Component
class CaseDemoData {

    private static final Logger log = LoggerFactory.getLogger(CaseDemoData.class);

    private final boolean demo;
    private final JdbcClient jdbc;
    private final org.waymark.access.Directory directory;
    private final ReferralIntake intake;
    private final Clock clock;

    CaseDemoData(@Value("${waymark.demo:false}") boolean demo, JdbcClient jdbc, org.waymark.access.Directory directory, ReferralIntake intake,
            Clock clock) {
        this.directory = directory;
        this.demo = demo;
        this.jdbc = jdbc;
        this.intake = intake;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(30)
    void seedIfEmpty(ApplicationReadyEvent event) {
        if (!demo || !(event.getApplicationContext() instanceof WebServerApplicationContext)
                || jdbc.sql("select count(*) from prevent_case").query(Integer.class).single() > 0) {
            return;
        }
        var referrer = referrer();
        if (referrer.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ReferralIntake.LONDON));
        String born = today.minusYears(15).minusDays(100).toString();
        for (var r : List.of(
                form("Jaden", "Oakridge-Demo", born, "Told classmates an attacker was a hero and shared a video of the attack in a group chat."),
                form("Jaden", "Oakridge-Demo", born, "Again sharing extremist memes; now asking where to buy a knife. Second concern this term."),
                form("Mira", "Fenwick-Demo", today.minusYears(17).toString(), "Spends hours on an incel forum and says women deserve punishment."),
                form("Jayden", "Oakridge Demo", born, "Youth club worker: boasting about 'joining the fight' and showing weapons videos."))) {
            intake.submit(referrer.get(), r, CaseFile.ReceivedVia.PROFESSIONAL, "en", List.of(), null);
        }
        log.info("Seeded demo data: 4 synthetic referrals waiting for screening in Camden (one person referred twice, and once more spelt differently)");
    }

    private static ReferralForm form(String forename, String surname, String born, String concern) {
        return new ReferralForm(forename, surname, null, born, null, forename.equals("Mira") ? "FEMALE" : "MALE",
                "1 Demo Street", "NW1 2AB", "E09000007", null, "English", "Northfield Academy (demo)", null, "NO", concern, List.of(), null, null,
                "Priya Demo-Referrer", "Northfield Academy (demo)", "EDUCATION", "dsl@northfield.example", null, null, null);
    }

    private Optional<CurrentUser> referrer() {
        return directory.demoUser("demo.referrer");
    }
}
