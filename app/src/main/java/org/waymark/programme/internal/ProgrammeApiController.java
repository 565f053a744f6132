package org.waymark.programme.internal;

import java.net.URI;
import java.util.HashMap;
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
import org.waymark.programme.internal.ProgrammeRecords.Board;

/** {@code /api/v1}: partnership boards, their members and meetings, and the action tracker. */
@RestController
@Tag(name = "Programme", description = "Partnership boards, members, meetings with attendance, and the action tracker")
class ProgrammeApiController {

    private final Boards boards;
    private final Meetings meetings;

    ProgrammeApiController(Boards boards, Meetings meetings) {
        this.boards = boards;
        this.meetings = meetings;
    }

    @GetMapping("/api/v1/boards")
    @Operation(summary = "The boards the caller may see (their organisation's; every board for the Home Office)")
    List<Board> boards() {
        return boards.boards(CurrentUsers.require());
    }

    @PostMapping("/api/v1/boards")
    @Operation(summary = "A board {name, kind: CONTEST|PREVENT|OVERSIGHT|PARTNERSHIP_GROUP, quorum}, run by the caller's organisation")
    ResponseEntity<Board> create(@RequestBody Boards.BoardForm body) {
        var board = boards.create(CurrentUsers.require(), body);
        return ResponseEntity.created(URI.create("/api/v1/boards/" + board.id())).body(board);
    }

    @GetMapping("/api/v1/boards/{id}")
    @Operation(summary = "A board with its members, meetings and actions")
    Boards.BoardView board(@PathVariable UUID id) {
        return boards.view(CurrentUsers.require(), id);
    }

    @PostMapping("/api/v1/boards/{id}/members")
    @Operation(summary = "A member {name, organisation, roleTitle, communityMember, email, joinedOn (YYYY-MM-DD, default today)}")
    ResponseEntity<ProgrammeRecords.Member> member(@PathVariable UUID id, @RequestBody Boards.MemberForm body) {
        return ResponseEntity.status(201).body(boards.addMember(CurrentUsers.require(), id, body));
    }

    record NewMeeting(String heldOn, String location) {
    }

    @PostMapping("/api/v1/boards/{id}/meetings")
    @Operation(summary = "A meeting {heldOn (YYYY-MM-DD), location}")
    ResponseEntity<ProgrammeRecords.Meeting> meeting(@PathVariable UUID id, @RequestBody NewMeeting body) {
        var meeting = meetings.add(CurrentUsers.require(), id, body.heldOn(), body.location());
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + meeting.id())).body(meeting);
    }

    @GetMapping("/api/v1/meetings/{id}")
    @Operation(summary = "A meeting: the members serving on its date, their attendance and declarations, whether it was quorate, its agenda with "
            + "decisions, its minutes (minutesStatus NONE|DRAFT|APPROVED), and the previous meeting whose draft minutes it may approve")
    Meetings.MeetingView meeting(@PathVariable UUID id) {
        return meetings.view(CurrentUsers.require(), id);
    }

    record NewItem(String title, String presenter, String paper, String purpose) {
    }

    @PostMapping("/api/v1/meetings/{id}/agenda-items")
    @Operation(summary = "An agenda item {title, presenter, paper, purpose: INFORMATION|DISCUSSION|DECISION}, after the others (201)")
    ResponseEntity<ProgrammeRecords.AgendaItem> item(@PathVariable UUID id, @RequestBody NewItem body) {
        return ResponseEntity.status(201).body(meetings.addItem(CurrentUsers.require(), id, body.title(), body.presenter(), body.paper(), body.purpose()));
    }

    record Decision(String decision) {
    }

    @PostMapping("/api/v1/meetings/{id}/agenda-items/{itemId}/decision")
    @Operation(summary = "The decision taken on an agenda item {decision} (204)")
    ResponseEntity<Void> decide(@PathVariable UUID id, @PathVariable UUID itemId, @RequestBody Decision body) {
        meetings.decide(CurrentUsers.require(), id, itemId, body.decision());
        return ResponseEntity.noContent().build();
    }

    record Minutes(String minutes) {
    }

    @PostMapping("/api/v1/meetings/{id}/minutes")
    @Operation(summary = "Draft minutes {minutes} (204); 409 once they are approved")
    ResponseEntity<Void> minutes(@PathVariable UUID id, @RequestBody Minutes body) {
        meetings.draftMinutes(CurrentUsers.require(), id, body.minutes());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/meetings/{id}/minutes-approval")
    @Operation(summary = "At this meeting, approve the draft minutes of the board's previous meeting (204); 409 when there are none to approve")
    ResponseEntity<Void> approve(@PathVariable UUID id) {
        meetings.approvePreviousMinutes(CurrentUsers.require(), id);
        return ResponseEntity.noContent().build();
    }

    record MarkBody(UUID memberId, String attendance, String declaration) {
    }

    record Attendance(List<MarkBody> marks) {
    }

    @PostMapping("/api/v1/meetings/{id}/attendance")
    @Operation(summary = "Attendance {marks: [{memberId, attendance: PRESENT|APOLOGIES|ABSENT, declaration}]}; replaces earlier marks; 204")
    ResponseEntity<Void> attendance(@PathVariable UUID id, @RequestBody Attendance body) {
        var attendance = new HashMap<UUID, String>();
        var declarations = new HashMap<UUID, String>();
        for (var m : body.marks() == null ? List.<MarkBody>of() : body.marks()) {
            attendance.put(m.memberId(), m.attendance());
            declarations.put(m.memberId(), m.declaration());
        }
        meetings.mark(CurrentUsers.require(), id, attendance, declarations);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/boards/{id}/actions")
    @Operation(summary = "Raise an action {title, ownerName, ownerOrganisation, ownerEmail, dueOn (YYYY-MM-DD), meetingId (optional), agendaItemId "
            + "(optional: sets the meeting; an item of another meeting than meetingId is 400)}")
    ResponseEntity<ProgrammeRecords.Action> raise(@PathVariable UUID id, @RequestBody Boards.ActionForm body) {
        var action = boards.raise(CurrentUsers.require(), id, body);
        return ResponseEntity.created(URI.create("/api/v1/actions/" + action.id())).body(action);
    }

    @GetMapping("/api/v1/actions")
    @Operation(summary = "The action tracker over the caller's boards, soonest due first: open actions, or ?overdue=true, or ?closed=true for all")
    List<Boards.Tracked> actions(@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "false") boolean closed) {
        return boards.tracker(CurrentUsers.require(), overdue, closed);
    }

    @GetMapping("/api/v1/actions/{id}")
    @Operation(summary = "An action with its updates")
    Boards.ActionView action(@PathVariable UUID id) {
        return boards.action(CurrentUsers.require(), id);
    }

    record Update(String note, String status, String rag) {
    }

    @PostMapping("/api/v1/actions/{id}/updates")
    @Operation(summary = "An update {note, status: OPEN|IN_PROGRESS|DONE|CANCELLED, rag: RED|AMBER|GREEN}; 409 if the action changed meanwhile")
    ResponseEntity<ProgrammeRecords.ActionUpdate> update(@PathVariable UUID id, @RequestBody Update body) {
        return ResponseEntity.status(201).body(boards.update(CurrentUsers.require(), id, body.note(), body.status(), body.rag()));
    }
}
