package org.waymark.channel.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.Role;
import org.waymark.channel.internal.ChannelRecords.InterventionType;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseNotification;
import org.waymark.referral.CaseStage;
import org.waymark.referral.Cases;
import org.waymark.referral.MilestoneKind;

/**
 * Mentoring that "petered out" (Lessons for Prevent, 2025): a plan whose last sessions were missed, or that has
 * had no session held for too long, alerts the coordinator once per stall. Both limits are configuration
 * ({@link ChannelPolicy}); the rule is {@link StalledPlanRule}.
 */
@Component
class StalledPlans {

    private final SupportStore store;
    private final Cases cases;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final StalledPlanRule rule;
    private final org.springframework.context.MessageSource messages;

    StalledPlans(SupportStore store, Cases cases, ApplicationEventPublisher events, Clock clock, ChannelPolicy policy,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.store = store;
        this.cases = cases;
        this.events = events;
        this.clock = clock;
        this.rule = policy.stalledPlanRule();
    }

    /** {@code why}: the reason in words (the list and the API show it); {@code detail}: the same as data, for the timeline. */
    record Stalled(UUID interventionId, UUID caseId, String caseReference, String localAuthority, InterventionType type, String provider,
            String why, @com.fasterxml.jackson.annotation.JsonIgnore String detail) {
    }

    /** Every open intervention that has stalled now. */
    @Transactional(readOnly = true)
    List<Stalled> stalled() {
        return stalledIn(null);
    }

    /**
     * The open interventions of one local authority's cases in support (all, for null) that have stalled now, by case
     * reference. An unchecked read of the cases: this is the alerting job's, and the home page shows references only.
     */
    @Transactional(readOnly = true)
    List<Stalled> stalledIn(String localAuthority) {
        LocalDate today = ChannelTeam.today(clock);
        var plans = store.openPlans();
        var files = cases.findUnchecked(plans.stream().map(SupportStore.OpenPlan::caseId).toList()).stream()
                // A restricted case is processed by nothing, reminders included.
                .filter(f -> f.stage() == CaseStage.SUPPORT && !f.restricted() && (localAuthority == null || f.localAuthority().equals(localAuthority)))
                .collect(Collectors.toMap(CaseFile::id, Function.identity()));
        var attendance = store.attendanceOfOpenPlans();
        return plans.stream().filter(p -> files.containsKey(p.caseId())).flatMap(p -> {
            var verdict = rule.judge(p.createdAt().atZone(ChannelTeam.LONDON).toLocalDate(), attendance.getOrDefault(p.interventionId(), List.of()),
                    today);
            var file = files.get(p.caseId());
            return verdict == null ? java.util.stream.Stream.empty() : java.util.stream.Stream.of(new Stalled(p.interventionId(), p.caseId(),
                    file.reference(), file.localAuthority(), p.type(), p.provider(), why(verdict), verdict.count() + " " + verdict.reason().name()));
        }).sorted(java.util.Comparator.comparing(Stalled::caseReference)).toList();
    }

    private String why(StalledPlanRule.Verdict verdict) {
        return messages.getMessage("stalled.why." + verdict.reason().name(), new Object[] {verdict.count()}, java.util.Locale.UK);
    }

    /** Alerts each stalled plan's coordinator once; a held session re-arms the alert. */
    @Scheduled(fixedDelayString = "${waymark.channel.stalled-check-interval:PT1H}",
            initialDelayString = "${waymark.channel.stalled-check-initial-delay:PT1M}")
    @SchedulerLock(name = "stalled-plans")
    @Transactional
    public void alert() {
        for (var s : stalled()) {
            if (store.markStalledAlerted(s.interventionId(), Instant.now(clock))) {
                var file = cases.findUnchecked(s.caseId()).orElseThrow();
                cases.milestone(file.id(), MilestoneKind.PLAN_STALLED, null, s.detail());
                events.publishEvent(CaseNotification.toArea(file, "plan.stalled", Role.CHANNEL_COORDINATOR, file.localAuthority()));
            }
        }
    }
}
