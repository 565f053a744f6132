package org.waymark.statistics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.CurrentUser;
import org.waymark.access.RecordNotFoundException;
import org.waymark.access.Role;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.DisplayDates;
import org.waymark.referral.WorkingDays;

/** Reads statistics for a reader: checks the request and the area, counts, and records who looked at what. */
@Service
class StatisticsService {

    static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";

    private final StatisticsReaders readers;
    private final ReferralTables tables;
    private final StatisticsStore store;
    private final StatisticsSettings settings;
    private final WorkingDays workingDays;
    private final AuditTrail audit;
    private final Clock clock;

    StatisticsService(StatisticsReaders readers, ReferralTables tables, StatisticsStore store, StatisticsSettings settings,
            WorkingDays workingDays, AuditTrail audit, Clock clock) {
        this.readers = readers;
        this.tables = tables;
        this.store = store;
        this.settings = settings;
        this.workingDays = workingDays;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The tables for a period and area, with the yearly series when asked; a bad parameter is
     * {@link org.waymark.govuk.FormErrors.Invalid}.
     */
    @Transactional
    public ReferralStatistics read(CurrentUser user, String financialYear, String quarter, String area, boolean yearlySeries) {
        var query = readers.query(financialYear, quarter, area);
        query.errors().throwIfAny();
        return read(user, query, yearlySeries);
    }

    @Transactional
    public ReferralStatistics read(CurrentUser user, StatisticsReaders.Query query, boolean yearlySeries) {
        if (!StatisticsReaders.reads(user)) {
            throw new RecordNotFoundException("STATISTICS", "referrals");
        }
        var scope = readers.scope(user, query.area());
        var result = tables.count(query.period(), scope, yearlySeries);
        audit.record(AuditEvent.of(AuditAction.CONSULTATION, "statistics.read").record("AREA", scope.code() == null ? "national" : scope.code())
                .reason(query.period().label()).by(user.username(), user.organisationCode()));
        return result;
    }

    /** What a manager's area has waiting past its target, oldest first: live cases only. */
    @Transactional
    public Overdue overdue(CurrentUser user, String area) {
        if (!user.has(Role.MANAGER)) {
            throw new RecordNotFoundException("STATISTICS", "overdue");
        }
        var scope = readers.scope(user, area);
        var filter = ReferralTables.areaFilter(scope);
        LocalDate today = LocalDate.now(clock.withZone(DisplayDates.UK));
        var result = new Overdue(scope, settings, waiting("screening", today, settings.screeningTargetDays(), filter),
                waiting("panel", today, settings.panelTargetDays(), filter), waiting("consent", today, settings.consentTargetDays(), filter));
        audit.record(AuditEvent.of(AuditAction.CONSULTATION, "statistics.overdue").record("AREA", scope.code())
                .reason(result.screening().size() + result.panel().size() + result.consent().size() + " cases listed")
                .by(user.username(), user.organisationCode()));
        return result;
    }

    record Waiting(String reference, java.util.UUID caseId, String localAuthority, LocalDate since, int workingDays) {
    }

    record Overdue(ReferralStatistics.Scope scope, StatisticsSettings targets, List<Waiting> screening, List<Waiting> panel,
            List<Waiting> consent) {
    }

    /** Cases whose stage began more than {@code target} working days ago: the last day still within target is found first. */
    private List<Waiting> waiting(String stage, LocalDate today, int target, Aggregates.Area filter) {
        LocalDate latestOnTime = today;
        for (int back = 0; back < target; ) {
            latestOnTime = latestOnTime.minusDays(1);
            if (workingDays.isWorkingDay(latestOnTime)) {
                back++;
            }
        }
        // Began before latestOnTime's counting start: more than target working days have passed since.
        return store.waiting(stage, latestOnTime, filter).stream()
                .map(w -> new Waiting(w.reference(), w.caseId(), w.localAuthority(), w.since(), workingDays.between(w.since(), today)))
                .filter(w -> w.workingDays() > target).toList();
    }

    static String fileName(ReferralStatistics s, String extension) {
        String area = s.scope().code() == null ? "england-and-wales" : s.scope().code().toLowerCase(java.util.Locale.ROOT);
        String period = s.period().year() + (s.period().quarter() == null ? "" : "-q" + s.period().quarter());
        return "prevent-referrals-" + period + "-" + area + "." + extension;
    }
}
