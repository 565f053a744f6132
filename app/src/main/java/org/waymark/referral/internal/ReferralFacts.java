package org.waymark.referral.internal;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.referral.CaseFactSource;
import org.waymark.referral.CaseFacts;
import org.waymark.referral.CaseFile;

/** What statistics count from the referral itself: its date, sector and area, and the person's characteristics. */
@Repository
class ReferralFacts implements CaseFactSource {

    private final JdbcClient jdbc;

    ReferralFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void describe(CaseFile file, CaseFacts facts) {
        jdbc.sql("select referrer_sector, date_of_birth, age, gender, ethnicity, religion, complex_needs from referral where case_id = ?")
                .param(file.id()).query(rs -> {
                    String needs = rs.getString("complex_needs");
                    boolean mentalHealth = needs != null && (needs.contains("MENTAL_HEALTH") || needs.contains("NEURODIVERSITY"));
                    facts.referral(file.reference(), CaseFacts.day(file.receivedAt()), rs.getString("referrer_sector"), file.localAuthority(),
                            file.personId().toString());
                    facts.person(rs.getObject("date_of_birth", LocalDate.class), (Integer) rs.getObject("age"), rs.getString("gender"),
                            rs.getString("ethnicity"), mentalHealth).religion(rs.getString("religion"));
                });
    }
}
