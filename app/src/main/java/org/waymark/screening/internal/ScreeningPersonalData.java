package org.waymark.screening.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.referral.PersonalData;

/**
 * What screening holds about a person's cases: checks, decisions, police-led reviews and
 * register matches. The
 * register's own entries are about investigation subjects, not about the referred person: they are not exported
 * here, and a subject access request decides on them separately (DPA 2018 s.45(4) restrictions).
 */
@Repository
class ScreeningPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    ScreeningPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String holder() {
        return "screening";
    }

    @Override
    public List<Held> export(UUID personId, Collection<UUID> caseIds) {
        var out = new ArrayList<Held>();
        out.addAll(PersonalData.rows(jdbc, "screening_check", "id", "select * from screening_check where case_id = any(?) order by checked_at", caseIds));
        out.addAll(PersonalData.rows(jdbc, "screening_decision", "id",
                "select * from screening_decision where case_id = any(?) order by decided_at", caseIds));
        out.addAll(PersonalData.rows(jdbc, "police_led_review", "id", "select * from police_led_review where case_id = any(?) order by due_on, id",
                caseIds));
        out.addAll(PersonalData.rows(jdbc, "deconfliction_match", "case_id,subject_id",
                "select case_id, subject_id, matched_at, cleared_by, cleared_at, cleared_reason from deconfliction_match where case_id = any(?) "
                        + "order by matched_at", caseIds));
        return out;
    }

    @Override
    public void erase(Erasure erasure) {
        var cases = erasure.caseIds();
        PersonalData.change(jdbc, "delete from screening_check where case_id = any(?)", cases);
        PersonalData.change(jdbc, "delete from screening_decision where case_id = any(?)", cases);
        PersonalData.change(jdbc, "delete from police_led_review where case_id = any(?)", cases);
        PersonalData.change(jdbc, "delete from deconfliction_match where case_id = any(?)", cases);
    }
}
