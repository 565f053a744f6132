package org.waymark.channel.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.Role;
import org.waymark.referral.CaseNotification;
import org.waymark.referral.Cases;

/**
 * Mentoring that "petered out" (Lessons for Prevent, 2025): a plan whose last sessions were missed, or that has
 * had no session held for too long, alerts the coordinator once per stall. Both limits are configuration.
 */
@Component
class StalledPlans {

    private final JdbcClient jdbc;
    private final Cases cases;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int missedInARow;
    private final int daysWithoutSession;

    StalledPlans(JdbcClient jdbc, Cases cases, ApplicationEventPublisher events, Clock clock,
            @Value("${waymark.channel.stalled-missed-sessions:2}") int missedInARow,
            @Value("${waymark.channel.stalled-days-without-session:28}") int daysWithoutSession) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.events = events;
        this.clock = clock;
        this.missedInARow = missedInARow;
        this.daysWithoutSession = daysWithoutSession;
    }

    record Stalled(UUID interventionId, UUID caseId, String caseReference, String localAuthority, String type, String provider, String why) {
    }

    /** Every open intervention that has stalled now. */
    @Transactional(readOnly = true)
    List<Stalled> stalled() {
        return stalledIn(null);
    }

    /** The open interventions of one local authority's cases (all, for null) that have stalled now. */
    @Transactional(readOnly = true)
    List<Stalled> stalledIn(String localAuthority) {
        LocalDate today = LocalDate.now(clock.withZone(Channel.LONDON));
        var out = new ArrayList<Stalled>();
        String open = "from intervention i join prevent_case c on c.id = i.case_id where i.ended_at is null and c.stage = 'SUPPORT'"
                + (localAuthority == null ? "" : " and c.local_authority = :area");
        var area = localAuthority == null ? java.util.Map.<String, Object>of() : java.util.Map.<String, Object>of("area", localAuthority);
        var plans = jdbc.sql("select i.id, i.case_id, c.reference, c.local_authority, i.type, i.provider, i.created_at " + open + " order by c.reference")
                .params(area)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()}).list();
        // Every open plan's sessions in one query, newest first (the home page asks on every visit).
        var sessions = new java.util.HashMap<UUID, List<Object[]>>();
        jdbc.sql("select s.intervention_id, s.status, s.held_on from intervention_session s where s.intervention_id in (select i.id " + open
                        + ") order by s.intervention_id, s.held_on desc, s.recorded_at desc")
                .params(area)
                .query(rs -> {
                    sessions.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Object[] {rs.getString(2), rs.getObject(3, LocalDate.class)});
                });
        for (Object[] i : plans) {
            UUID id = (UUID) i[0];
            var recent = sessions.getOrDefault(id, List.of());
            int missed = 0;
            for (Object[] s : recent) {
                if (!"MISSED".equals(s[0])) {
                    break;
                }
                missed++;
            }
            LocalDate lastHeld = recent.stream().filter(s -> "HELD".equals(s[0])).map(s -> (LocalDate) s[1]).findFirst()
                    .orElse(((Instant) i[6]).atZone(Channel.LONDON).toLocalDate());
            String why = null;
            if (missed >= missedInARow) {
                why = missed + " sessions missed in a row";
            } else if (lastHeld.plusDays(daysWithoutSession).isBefore(today)) {
                why = "no session held for " + java.time.temporal.ChronoUnit.DAYS.between(lastHeld, today) + " days";
            }
            if (why != null) {
                out.add(new Stalled(id, (UUID) i[1], (String) i[2], (String) i[3], (String) i[4], (String) i[5], why));
            }
        }
        return out;
    }

    /** Alerts each stalled plan's coordinator once; a held session re-arms the alert. */
    @Scheduled(fixedDelayString = "${waymark.channel.stalled-check-interval:PT1H}",
            initialDelayString = "${waymark.channel.stalled-check-initial-delay:PT1M}")
    @Transactional
    public void alert() {
        for (var s : stalled()) {
            int marked = jdbc.sql("update intervention set stalled_alerted_at = ? where id = ? and stalled_alerted_at is null")
                    .params(Timestamp.from(Instant.now(clock)), s.interventionId()).update();
            if (marked == 1) {
                var file = cases.find(s.caseId()).orElseThrow();
                cases.milestone(file.id(), "PLAN_STALLED", null, s.why());
                events.publishEvent(CaseNotification.toArea(file, "plan.stalled", Role.CHANNEL_COORDINATOR, file.localAuthority()));
            }
        }
    }
}
