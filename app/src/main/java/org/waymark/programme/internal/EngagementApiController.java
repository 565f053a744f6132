package org.waymark.programme.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.CurrentUsers;
import org.waymark.programme.internal.EngagementRecords.Event;
import org.waymark.programme.internal.EngagementRecords.Milestone;
import org.waymark.programme.internal.EngagementRecords.Project;
import org.waymark.programme.internal.EngagementRecords.Report;

/** {@code /api/v1/engagement}: events and programmes, and co-commissioned projects with milestones and reports. */
@RestController
@Tag(name = "Engagement", description = "Engagement events and programmes; co-commissioned projects with funding, milestones and reports")
class EngagementApiController {

    private final Engagement engagement;

    EngagementApiController(Engagement engagement) {
        this.engagement = engagement;
    }

    @GetMapping("/api/v1/engagement/events")
    @Operation(summary = "The caller's organisation's events (every one for the Home Office), newest first; ?kind=YOUTH|WOMEN|FAITH|SCHOOLS|COMMUNITY_EXERCISE|OTHER")
    List<Event> events(@RequestParam(required = false) String kind) {
        return engagement.events(CurrentUsers.require(), kind);
    }

    @PostMapping("/api/v1/engagement/events")
    @Operation(summary = "An event {areaCode, kind, title, heldOn, audience, partners, attendance, outcomes} (201)")
    ResponseEntity<Event> addEvent(@RequestBody Engagement.EventForm body) {
        return ResponseEntity.status(201).body(engagement.addEvent(CurrentUsers.require(), body));
    }

    @GetMapping("/api/v1/engagement/projects")
    @Operation(summary = "The caller's organisation's projects (every one for the Home Office)")
    List<Project> projects() {
        return engagement.projects(CurrentUsers.require());
    }

    @PostMapping("/api/v1/engagement/projects")
    @Operation(summary = "A co-commissioned project {areaCode, title, provider, funder, fundingPounds, startsOn, endsOn} (201)")
    ResponseEntity<Project> addProject(@RequestBody Engagement.ProjectForm body) {
        var project = engagement.addProject(CurrentUsers.require(), body);
        return ResponseEntity.created(URI.create("/api/v1/engagement/projects/" + project.id())).body(project);
    }

    @GetMapping("/api/v1/engagement/projects/{id}")
    @Operation(summary = "A project with its milestones, reports and the people reached so far")
    Engagement.ProjectView project(@PathVariable UUID id) {
        return engagement.project(CurrentUsers.require(), id);
    }

    record NewMilestone(String title, String dueOn) {
    }

    @PostMapping("/api/v1/engagement/projects/{id}/milestones")
    @Operation(summary = "A milestone {title, dueOn} (201)")
    ResponseEntity<Milestone> milestone(@PathVariable UUID id, @RequestBody NewMilestone body) {
        return ResponseEntity.status(201).body(engagement.addMilestone(CurrentUsers.require(), id, body.title(), body.dueOn()));
    }

    @PostMapping("/api/v1/engagement/projects/{id}/milestones/{milestoneId}/done")
    @Operation(summary = "Marks a milestone done today (204); 409 when it was done already or is not the project's")
    ResponseEntity<Void> done(@PathVariable UUID id, @PathVariable UUID milestoneId) {
        engagement.milestoneDone(CurrentUsers.require(), id, milestoneId);
        return ResponseEntity.noContent().build();
    }

    record NewReport(String summary, Integer reached) {
    }

    @PostMapping("/api/v1/engagement/projects/{id}/reports")
    @Operation(summary = "A progress report {summary, reached (people)} dated today (201)")
    ResponseEntity<Report> report(@PathVariable UUID id, @RequestBody NewReport body) {
        return ResponseEntity.status(201).body(engagement.addReport(CurrentUsers.require(), id, body.summary(), body.reached()));
    }
}
