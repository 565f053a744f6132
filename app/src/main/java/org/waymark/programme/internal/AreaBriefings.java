package org.waymark.programme.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.Organisation;
import org.waymark.access.RecordNotFoundException;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Printout;
import org.waymark.programme.internal.TrainingRecords.Course;
import org.waymark.statistics.AreaFigures;

/**
 * The area briefing: for one area (a council or a force area, and what lies inside it) and one financial year or
 * quarter, the anonymised statistics (as published, small numbers suppressed), the engagement done, officer coverage,
 * training compliance of the area's organisations, the open actions of their boards and their lessons. Counts and
 * organisations only: no officer, owner or trainee is named, so the briefing can be shared with a board. A
 * programme manager briefs on their own area and what lies inside it; the Home Office's on any.
 */
@Service
class AreaBriefings {

    private final AreaFigures figures;
    private final Geography geography;
    private final EngagementStore engagement;
    private final OfficerStore officers;
    private final TrainingStore training;
    private final ProgrammeStore boards;
    private final LessonStore lessons;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AreaBriefings(AreaFigures figures, Geography geography, EngagementStore engagement, OfficerStore officers, TrainingStore training,
            ProgrammeStore boards, LessonStore lessons, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.figures = figures;
        this.geography = geography;
        this.engagement = engagement;
        this.officers = officers;
        this.training = training;
        this.boards = boards;
        this.lessons = lessons;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    record OrganisationCompliance(String organisationCode, String organisationName, Compliance compliance) {
    }

    record OpenAction(String number, String title, String board, String ownerOrganisation, LocalDate dueOn, boolean overdue) {
    }

    record LessonLine(String title, Lessons.Strand strand, Lessons.Status status, LocalDate identifiedOn) {
    }

    record Briefing(String areaCode, String areaName, String period, LocalDate firstDay, LocalDate lastDay, AreaFigures.Figures statistics,
            List<EngagementRecords.Event> events, int attendance, List<Coverage> coverage, List<OrganisationCompliance> training,
            List<OpenAction> openActions, List<LessonLine> lessons) {
    }

    Briefing of(CurrentUser user, String areaCode, String financialYear, String quarter) {
        Officers.requireManager(user);
        String code = areaCode == null || areaCode.isBlank() ? user.areaCode() : areaCode.strip().toUpperCase(Locale.ROOT);
        var area = code == null ? null : geography.area(code).orElse(null);
        if (area == null || !(user.hasNationalScope() || (user.areaCode() != null && geography.contains(user.areaCode(), area.code())))) {
            throw new RecordNotFoundException("AREA", String.valueOf(areaCode));
        }
        var stats = figures.of(area.code(), financialYear, quarter);
        // The statistics have checked the year and quarter by now.
        int year = financialYear == null || financialYear.isBlank() ? Quarter.of(LocalDate.now(clock)).financialYear() : Integer.parseInt(financialYear.strip());
        LocalDate[] days = days(year, quarter);
        LocalDate first = days[0];
        LocalDate last = days[1];
        LocalDate asOf = last.isAfter(LocalDate.now(clock)) ? LocalDate.now(clock) : last;
        var inArea = geography.organisations().stream().filter(o -> o.areaCode() != null && geography.contains(area.code(), o.areaCode())).toList();
        var codes = inArea.stream().map(Organisation::code).collect(Collectors.toSet());

        var events = engagement.events(null, null, first).stream().filter(e -> !e.heldOn().isAfter(last) && geography.contains(area.code(), e.areaCode()))
                .toList();
        var everyone = officers.officers(null);
        var coverage = Coverage.on(asOf, officers.posts(null), everyone, officers.deploymentsOf(everyone.stream().map(OfficerRecords.Officer::id).toList()))
                .stream().filter(c -> geography.contains(area.code(), c.areaCode()))
                .map(c -> new Coverage(c.areaCode(), c.kind(), c.established(), c.deployed(), c.vacancies(), c.status(), List.of())).toList();
        var counting = training.courses().stream().filter(Course::countsForCompliance).map(Course::id).collect(Collectors.toSet());
        var compliance = new ArrayList<OrganisationCompliance>();
        for (var o : inArea) {
            var completions = training.completions(o.code());
            var eligible = training.eligible(o.code());
            if (!completions.isEmpty() || !eligible.isEmpty()) {
                compliance.add(new OrganisationCompliance(o.code(), o.name(), Compliance.at(Quarter.of(asOf), completions, counting, eligible)));
            }
        }
        var open = openActions(codes, asOf);
        var lessonLines = lessons.lessons().stream().filter(l -> codes.contains(l.organisationCode())
                && (l.status() != Lessons.Status.CLOSED || !l.identifiedOn().isBefore(first)) && !l.identifiedOn().isAfter(last))
                .map(l -> new LessonLine(l.title(), l.strand(), l.status(), l.identifiedOn())).toList();
        transactions.executeWithoutResult(t -> audit.record(AuditEvent.of(AuditAction.CONSULTATION, "programme.area-briefing.viewed")
                .record("AREA", area.code()).reason(stats.period())));
        return new Briefing(area.code(), area.name(), stats.period(), first, last, stats, events, events.stream().mapToInt(EngagementRecords.Event::attendance).sum(),
                coverage, compliance, open, lessonLines);
    }

    /** The first and last day of the financial year starting in {@code year}, or of its quarter 1 to 4. */
    static LocalDate[] days(int year, String quarter) {
        if (quarter == null || quarter.isBlank()) {
            return new LocalDate[] {LocalDate.of(year, 4, 1), LocalDate.of(year + 1, 3, 31)};
        }
        int q = Integer.parseInt(quarter.strip());
        var quarterOf = new Quarter(q == 4 ? LocalDate.of(year + 1, 1, 1) : LocalDate.of(year, 1 + 3 * q, 1));
        return new LocalDate[] {quarterOf.start(), quarterOf.end()};
    }

    private List<OpenAction> openActions(java.util.Set<String> organisations, LocalDate asOf) {
        var open = new ArrayList<OpenAction>();
        for (var b : boards.boards()) {
            if (organisations.contains(b.organisationCode())) {
                boards.actions(b.id()).stream().filter(a -> !a.status().closed())
                        .forEach(a -> open.add(new OpenAction(a.number(), a.title(), b.name(), a.ownerOrganisation(), a.dueOn(), a.overdue(asOf))));
            }
        }
        return open;
    }

    /** The briefing as a printable PDF, marked OFFICIAL-SENSITIVE on every page. */
    static byte[] pdf(Briefing b) {
        var doc = Printout.marked("Area briefing: " + b.areaName() + " (" + b.areaCode() + "), " + b.period(), "OFFICIAL-SENSITIVE")
                .field("Period", b.firstDay() + " to " + b.lastDay())
                .heading("Referrals (anonymised statistics; counts under the threshold withheld)")
                .field("Referrals", shown(b.statistics().referrals())).field("Discussed at a Channel panel", shown(b.statistics().discussedAtPanel()))
                .field("Adopted as Channel cases", shown(b.statistics().adopted()));
        b.statistics().bySector().forEach(c -> doc.field("  from " + c.label(), shown(c.referrals())));
        b.statistics().equality().stream().filter(AreaFigures.EqualityLine::flagged)
                .forEach(l -> doc.text("Equality monitoring flags " + l.characteristic() + ": " + l.label()));
        doc.heading("Engagement").field("Events", b.events().size()).field("Attendance", b.attendance());
        b.events().forEach(e -> doc.text(e.heldOn() + " " + e.title() + " (" + e.kind() + ", " + e.attendance() + ")"));
        doc.heading("Officer coverage on " + (b.lastDay().isAfter(LocalDate.now()) ? "the day printed" : b.lastDay()));
        b.coverage().forEach(c -> doc.field(c.areaCode() + " " + c.kind(), c.deployed() + " of " + c.established() + " posts filled, " + c.status()));
        doc.heading("Training compliance");
        b.training().forEach(t -> doc.field(t.organisationName(), t.compliance().percent() == null ? t.compliance().trained() + " trained (no eligible staff recorded)"
                : t.compliance().trained() + " of " + t.compliance().eligible() + " (" + t.compliance().percent() + "%)"));
        doc.heading("Open actions (" + b.openActions().size() + ")");
        b.openActions().forEach(a -> doc.text(a.number() + " " + a.title() + ", " + a.ownerOrganisation() + ", due " + a.dueOn() + (a.overdue() ? " OVERDUE" : "")));
        doc.heading("Lessons learned (" + b.lessons().size() + ")");
        b.lessons().forEach(l -> doc.text(l.identifiedOn() + " " + l.strand() + ": " + l.title() + " (" + l.status() + ")"));
        return doc.pdf();
    }

    private static String shown(Long count) {
        return count == null ? "withheld (small number)" : count.toString();
    }
}
