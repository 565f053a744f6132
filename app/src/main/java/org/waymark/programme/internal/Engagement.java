package org.waymark.programme.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.access.AccessDecisions;
import org.waymark.access.Action;
import org.waymark.access.CurrentUser;
import org.waymark.access.Geography;
import org.waymark.access.RecordNotFoundException;
import org.waymark.audit.AuditAction;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.govuk.Choices;
import org.waymark.govuk.Conflict;
import org.waymark.govuk.FormErrors;
import org.waymark.programme.internal.EngagementRecords.Event;
import org.waymark.programme.internal.EngagementRecords.EventKind;
import org.waymark.programme.internal.EngagementRecords.Milestone;
import org.waymark.programme.internal.EngagementRecords.Project;
import org.waymark.programme.internal.EngagementRecords.Report;

/**
 * Engagement: events and programmes by area, and co-commissioned projects with their funding, milestones and
 * reports. An organisation's programme managers see its own; the Home Office's see every organisation's.
 */
@Service
class Engagement {

    private final EngagementStore store;
    private final AccessDecisions access;
    private final Geography geography;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Engagement(EngagementStore store, AccessDecisions access, Geography geography, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.access = access;
        this.geography = geography;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The caller's events (every organisation's for the Home Office), optionally of one kind. */
    List<Event> events(CurrentUser user, String kind) {
        Officers.requireManager(user);
        var only = Choices.parse(EventKind.class, kind);
        return store.events(user.hasNationalScope() ? null : user.organisationCode(), null, null).stream()
                .filter(e -> only == null || e.kind() == only).toList();
    }

    record EventForm(String areaCode, String kind, String title, String heldOn, String audience, String partners, Integer attendance, String outcomes) {
    }

    Event addEvent(CurrentUser user, EventForm form) {
        Officers.requireManager(user);
        var errors = new FormErrors();
        String area = Officers.area(geography, errors, form.areaCode());
        var kind = Choices.parse(EventKind.class, form.kind());
        if (kind == null) {
            errors.add("kind", "programme.event.kind.missing");
        }
        errors.text("programme.event", "title", form.title(), Boards.TEXT, true).text("programme.event", "audience", form.audience(), Boards.TEXT, true)
                .text("programme.event", "partners", form.partners(), 500, false).text("programme.event", "outcomes", form.outcomes(), 4000, false);
        LocalDate held = Boards.date(errors, "heldOn", form.heldOn());
        if (form.attendance() == null || form.attendance() < 0 || form.attendance() > 1_000_000) {
            errors.add("attendance", "programme.event.attendance.invalid");
        }
        errors.throwIfAny();
        var event = new Event(UUID.randomUUID(), user.organisationCode(), area, kind, form.title().strip(), held, form.audience().strip(),
                Boards.blankToNull(form.partners()), form.attendance(), Boards.blankToNull(form.outcomes()));
        transactions.executeWithoutResult(t -> {
            store.insert(event, user.username(), Instant.now(clock));
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "programme.event.added").record("PROGRAMME_EVENT", event.id()));
        });
        return event;
    }

    List<Project> projects(CurrentUser user) {
        Officers.requireManager(user);
        return store.projects(user.hasNationalScope() ? null : user.organisationCode()).stream().filter(p -> access.permits(user, Action.READ, p)).toList();
    }

    record ProjectForm(String areaCode, String title, String provider, String funder, Integer fundingPounds, String startsOn, String endsOn) {
    }

    Project addProject(CurrentUser user, ProjectForm form) {
        Officers.requireManager(user);
        var errors = new FormErrors();
        String area = Officers.area(geography, errors, form.areaCode());
        errors.text("programme.project", "title", form.title(), Boards.TEXT, true).text("programme.project", "provider", form.provider(), Boards.TEXT, true)
                .text("programme.project", "funder", form.funder(), Boards.TEXT, true);
        if (form.fundingPounds() == null || form.fundingPounds() < 0) {
            errors.add("fundingPounds", "programme.project.funding.invalid");
        }
        LocalDate starts = Boards.date(errors, "startsOn", form.startsOn());
        LocalDate ends = Boards.date(errors, "endsOn", form.endsOn());
        if (starts != null && ends != null && ends.isBefore(starts)) {
            errors.add("endsOn", "programme.deployment.endsBeforeStart");
        }
        errors.throwIfAny();
        var project = new Project(UUID.randomUUID(), user.organisationCode(), area, form.title().strip(), form.provider().strip(), form.funder().strip(),
                form.fundingPounds(), starts, ends);
        transactions.executeWithoutResult(t -> {
            store.insert(project, user.username(), Instant.now(clock));
            audit.record(AuditEvent.of(AuditAction.COLLECTION, "programme.project.added").record(project.recordType(), project.id()));
        });
        return project;
    }

    /** A project with its milestones (late ones flagged against today) and its reports, with the people reached so far. */
    record ProjectView(Project project, List<Milestone> milestones, List<Report> reports, int reached, LocalDate today) {
    }

    ProjectView project(CurrentUser user, UUID id) {
        var project = project(user, id, Action.READ);
        var reports = store.reports(id);
        return new ProjectView(project, store.milestones(id), reports, reports.stream().mapToInt(Report::reached).sum(), LocalDate.now(clock));
    }

    Milestone addMilestone(CurrentUser user, UUID projectId, String title, String dueOn) {
        var project = project(user, projectId, Action.UPDATE);
        var errors = new FormErrors().text("programme.milestone", "milestoneTitle", title, Boards.TEXT, true);
        LocalDate due = Boards.date(errors, "dueOn", dueOn);
        errors.throwIfAny();
        var milestone = new Milestone(UUID.randomUUID(), project.id(), title.strip(), due, null);
        transactions.executeWithoutResult(t -> {
            store.insert(milestone);
            audit.record(AuditEvent.of(AuditAction.ALTERATION, "programme.project.milestone.added").record(project.recordType(), project.id()));
        });
        return milestone;
    }

    void milestoneDone(CurrentUser user, UUID projectId, UUID milestoneId) {
        var project = project(user, projectId, Action.UPDATE);
        transactions.executeWithoutResult(t -> {
            if (!store.done(project.id(), milestoneId, LocalDate.now(clock))) {
                throw new Conflict("conflict.programme.milestone.done");
            }
            audit.record(AuditEvent.of(AuditAction.ALTERATION, "programme.project.milestone.done").record(project.recordType(), project.id()));
        });
    }

    Report addReport(CurrentUser user, UUID projectId, String summary, Integer reached) {
        var project = project(user, projectId, Action.UPDATE);
        var errors = new FormErrors().text("programme.report", "summary", summary, 4000, true);
        if (reached == null || reached < 0 || reached > 10_000_000) {
            errors.add("reached", "programme.report.reached.invalid");
        }
        errors.throwIfAny();
        var report = new Report(UUID.randomUUID(), project.id(), LocalDate.now(clock), reached, summary.strip(), user.username());
        transactions.executeWithoutResult(t -> {
            store.insert(report);
            audit.record(AuditEvent.of(AuditAction.ALTERATION, "programme.project.reported").record(project.recordType(), project.id()));
        });
        return report;
    }

    private Project project(CurrentUser user, UUID id, Action action) {
        Officers.requireManager(user);
        var project = store.project(id).orElseThrow(() -> new RecordNotFoundException("PROGRAMME_PROJECT", String.valueOf(id)));
        return access.require(user, action, project);
    }

}
