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

/** {@code /api/v1/lessons}: lessons learned by CONTEST strand, with actions on a board's tracker. */
@RestController
@Tag(name = "Lessons", description = "Lessons learned by CONTEST strand and source, with tracked actions, open until closed")
class LessonApiController {

    private final Lessons lessons;

    LessonApiController(Lessons lessons) {
        this.lessons = lessons;
    }

    @GetMapping("/api/v1/lessons")
    @Operation(summary = "The caller's organisation's lessons (every one for the Home Office), newest first; ?strand=PURSUE|PREVENT|PROTECT|PREPARE; "
            + "closed ones only with ?closed=true")
    List<Lessons.Lesson> lessons(@RequestParam(required = false) String strand, @RequestParam(defaultValue = "false") boolean closed) {
        return lessons.lessons(CurrentUsers.require(), strand, closed);
    }

    @PostMapping("/api/v1/lessons")
    @Operation(summary = "A lesson {strand, source: CASE_REVIEW|EXERCISE|INCIDENT|INSPECTION, title, summary, lesson, reference (a case reference "
            + "or an event's name, never a person), identifiedOn (default today)} (201)")
    ResponseEntity<Lessons.Lesson> add(@RequestBody Lessons.LessonForm body) {
        var lesson = lessons.add(CurrentUsers.require(), body);
        return ResponseEntity.created(URI.create("/api/v1/lessons/" + lesson.id())).body(lesson);
    }

    @GetMapping("/api/v1/lessons/{id}")
    @Operation(summary = "A lesson with its actions as the tracker has them")
    Lessons.LessonView lesson(@PathVariable UUID id) {
        return lessons.view(CurrentUsers.require(), id);
    }

    record NewAction(String boardId, String title, String ownerName, String ownerOrganisation, String ownerEmail, String dueOn) {
    }

    @PostMapping("/api/v1/lessons/{id}/actions")
    @Operation(summary = "An action for the lesson on a board's tracker {boardId, title, ownerName, ownerOrganisation, ownerEmail, dueOn} (201)")
    ResponseEntity<ProgrammeRecords.Action> raise(@PathVariable UUID id, @RequestBody NewAction body) {
        return ResponseEntity.status(201).body(lessons.raise(CurrentUsers.require(), id, body.boardId(),
                new Boards.ActionForm(body.title(), body.ownerName(), body.ownerOrganisation(), body.ownerEmail(), body.dueOn(), null, null)));
    }

    @PostMapping("/api/v1/lessons/{id}/close")
    @Operation(summary = "Closes the lesson (204); 409 while any of its actions is open, or when it is closed already")
    ResponseEntity<Void> close(@PathVariable UUID id) {
        lessons.close(CurrentUsers.require(), id);
        return ResponseEntity.noContent().build();
    }
}
