package org.waymark.channel.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.referral.PersonalData;

/** What Channel holds about a person's cases: panel discussions and exit agreements, consent, the plan, reviews, transfers. */
@Repository
class ChannelPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    ChannelPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String holder() {
        return "channel";
    }

    @Override
    public List<Held> export(UUID personId, Collection<UUID> caseIds) {
        var out = new ArrayList<Held>();
        out.addAll(PersonalData.rows(jdbc, "panel_agenda_item", "meeting_id,case_id",
                "select * from panel_agenda_item where case_id = any(?) order by added_at", caseIds));
        out.addAll(PersonalData.rows(jdbc, "exit_agreement", "meeting_id,case_id,organisation",
                "select * from exit_agreement where case_id = any(?) order by meeting_id, organisation", caseIds));
        out.addAll(PersonalData.rows(jdbc, "channel_exit", "meeting_id,case_id", "select * from channel_exit where case_id = any(?) order by recorded_at", caseIds));
        out.addAll(PersonalData.rows(jdbc, "consent_record", "id", "select * from consent_record where case_id = any(?) order by recorded_at", caseIds));
        out.addAll(PersonalData.rows(jdbc, "intervention", "id", "select * from intervention where case_id = any(?) order by created_at", caseIds));
        out.addAll(PersonalData.rows(jdbc, "intervention_session", "id", "select s.* from intervention_session s join intervention i "
                + "on i.id = s.intervention_id where i.case_id = any(?) order by s.recorded_at", caseIds));
        out.addAll(PersonalData.rows(jdbc, "case_review", "id", "select * from case_review where case_id = any(?) order by due_on, id", caseIds));
        out.addAll(PersonalData.rows(jdbc, "case_transfer", "id", "select * from case_transfer where case_id = any(?) order by transferred_at", caseIds));
        return out;
    }

    @Override
    public void erase(Erasure erasure) {
        var cases = erasure.caseIds();
        PersonalData.change(jdbc, "delete from intervention_session where intervention_id in (select id from intervention where case_id = any(?))",
                cases);
        PersonalData.change(jdbc, "delete from intervention where case_id = any(?)", cases);
        PersonalData.change(jdbc, "delete from consent_record where case_id = any(?)", cases);
        PersonalData.change(jdbc, "delete from channel_exit where case_id = any(?)", cases);
        PersonalData.change(jdbc, "delete from exit_agreement where case_id = any(?)", cases);
        PersonalData.change(jdbc, "delete from panel_agenda_item where case_id = any(?)", cases);
        PersonalData.change(jdbc, "delete from case_review where case_id = any(?)", cases);
        PersonalData.change(jdbc, "delete from case_transfer where case_id = any(?)", cases);
    }
}
