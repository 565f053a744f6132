package org.waymark.assessment.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.referral.PersonalData;

/** What assessment holds about a person's cases: each assessment and its rated factors, evidence marked fact or opinion. */
@Repository
class AssessmentPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    AssessmentPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String holder() {
        return "assessment";
    }

    @Override
    public List<Held> export(UUID personId, Collection<UUID> caseIds) {
        var out = new ArrayList<Held>();
        out.addAll(PersonalData.rows(jdbc, "assessment", "id", "select * from assessment where case_id = any(?) order by assessed_at", caseIds));
        out.addAll(PersonalData.rows(jdbc, "assessment_factor", "assessment_id,factor_code", "select f.* from assessment_factor f join assessment a "
                + "on a.id = f.assessment_id where a.case_id = any(?) order by a.assessed_at, f.factor_code", caseIds));
        return out;
    }

    @Override
    public void erase(Erasure erasure) {
        var cases = erasure.caseIds();
        PersonalData.change(jdbc, "delete from assessment_factor where assessment_id in (select id from assessment where case_id = any(?))", cases);
        PersonalData.change(jdbc, "delete from assessment where case_id = any(?)", cases);
    }
}
