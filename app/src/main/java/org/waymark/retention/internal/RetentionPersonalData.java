package org.waymark.retention.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.referral.PersonalData;

/**
 * What this module holds about a person: their subject access requests, and the retention reviews, legal holds,
 * restrictions and break-glass grants of their cases. Erasure takes the requests with the person; the rest stays as the
 * record of what was done (a case's id and reference, the schedule, who decided), without the free-text reasons.
 */
@Repository
class RetentionPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final SubjectAccessStore requests;

    RetentionPersonalData(JdbcClient jdbc, SubjectAccessStore requests) {
        this.jdbc = jdbc;
        this.requests = requests;
    }

    @Override
    public String holder() {
        return "retention";
    }

    @Override
    public List<Held> export(UUID personId, Collection<UUID> caseIds) {
        var out = new ArrayList<Held>();
        out.addAll(PersonalData.rows(jdbc, "subject_access_request", "id", "select * from subject_access_request where person_id = any(?) "
                + "order by created_at", List.of(personId)));
        out.addAll(PersonalData.rows(jdbc, "retention_review", "id", "select * from retention_review where case_id = any(?) order by created_at",
                caseIds));
        out.addAll(PersonalData.rows(jdbc, "legal_hold", "id", "select * from legal_hold where case_id = any(?) order by placed_at", caseIds));
        out.addAll(PersonalData.rows(jdbc, "case_restriction", "id", "select * from case_restriction where case_id = any(?) order by placed_at",
                caseIds));
        out.addAll(PersonalData.rows(jdbc, "break_glass", "id", "select * from break_glass where case_id = any(?) order by granted_at", caseIds));
        return out;
    }

    @Override
    public void erase(Erasure erasure) {
        if (erasure.wholePerson()) {
            requests.deleteOf(erasure.personIds());
        }
        // Holds, restrictions and break-glass grants stay as the record of what was done, but their reasons, which
        // people write freely and may name the person, go with the case.
        PersonalData.change(jdbc, "update legal_hold set reason = '" + ERASED + "', lift_reason = null where case_id = any(?)", erasure.caseIds());
        PersonalData.change(jdbc, "update case_restriction set reason = '" + ERASED + "', lift_reason = null where case_id = any(?)",
                erasure.caseIds());
        PersonalData.change(jdbc, "update break_glass set reason = '" + ERASED + "', review_note = null where case_id = any(?)", erasure.caseIds());
    }

    static final String ERASED = "[erased with the case]";
}
