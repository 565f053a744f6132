package org.waymark.channel.internal;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.referral.CaseFactSource;
import org.waymark.referral.CaseFacts;
import org.waymark.referral.CaseFile;
import org.waymark.storage.Rows;

/**
 * What statistics count from Channel: the first panel that discussed the case (whatever its date), the panel that
 * adopted it, the latest consent decision, the exit, and sessions planned against held.
 */
@Repository
class ChannelFacts implements CaseFactSource {

    private final JdbcClient jdbc;

    ChannelFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void describe(CaseFile file, CaseFacts facts) {
        // Only a case referred to Channel has panel, consent or support records, and it never leaves Channel's stages.
        if (!file.stage().isChannel()) {
            return;
        }
        jdbc.sql("select min(case when a.discussion is not null or a.decision is not null then m.held_on end) as discussed, "
                        + "min(case when a.decision = 'ADOPT' then m.held_on end) as adopted, "
                        + "(select max(x.exited_on) from channel_exit x where x.case_id = ?) as exited "
                        + "from panel_agenda_item a join panel_meeting m on m.id = a.meeting_id where a.case_id = ?")
                .params(file.id(), file.id())
                .query(rs -> {
                    facts.panel(rs.getObject("discussed", LocalDate.class), rs.getObject("adopted", LocalDate.class),
                            rs.getObject("exited", LocalDate.class));
                });
        jdbc.sql("select outcome, recorded_at from consent_record where case_id = ? order by recorded_at desc, id limit 1").param(file.id())
                .query(rs -> {
                    facts.consent(rs.getString("outcome"), CaseFacts.day(Rows.instant(rs, "recorded_at")));
                });
        jdbc.sql("select coalesce(sum(i.planned_sessions), 0) as planned, "
                        + "(select count(*) from intervention_session s join intervention j on j.id = s.intervention_id "
                        + "where j.case_id = ? and s.status = 'HELD') as held from intervention i where i.case_id = ?")
                .params(file.id(), file.id())
                .query(rs -> {
                    facts.sessions(rs.getInt("planned"), rs.getInt("held"));
                });
    }
}
