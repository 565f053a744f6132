package org.waymark.programme.internal;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.access.CurrentUsers;
import org.waymark.govuk.FormErrors;
import org.waymark.programme.internal.ProgrammeRecords.ActionStatus;
import org.waymark.programme.internal.ProgrammeRecords.BoardKind;
import org.waymark.programme.internal.ProgrammeRecords.Rag;

/**
 * The programme pages: boards, one board (members, meetings, actions), the action tracker and one action. A form
 * with errors comes back with them and with what was typed; which form it was is {@code form}.
 */
@Controller
class ProgrammeController {

    private final Boards boards;
    private final Meetings meetings;

    ProgrammeController(Boards boards, Meetings meetings) {
        this.boards = boards;
        this.meetings = meetings;
    }

    @GetMapping("/programme")
    String boards(Model model) {
        return boardsPage(model, new FormErrors(), Map.of());
    }

    private String boardsPage(Model model, FormErrors errors, Map<String, String> typed) {
        model.addAttribute("boards", boards.boards(CurrentUsers.require()));
        model.addAttribute("kinds", BoardKind.values());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "programme/boards";
    }

    @PostMapping("/programme/boards")
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            var board = boards.create(CurrentUsers.require(), new Boards.BoardForm(form.get("name"), form.get("kind"), form.get("quorum")));
            redirect.addFlashAttribute("banner", "programme.board.created");
            return "redirect:/programme/boards/" + board.id();
        } catch (FormErrors.Invalid e) {
            return boardsPage(model, e.errors(), form);
        }
    }

    @GetMapping("/programme/boards/{id}")
    String board(@PathVariable UUID id, Model model) {
        return boardPage(model, id, new FormErrors(), Map.of());
    }

    private String boardPage(Model model, UUID id, FormErrors errors, Map<String, String> typed) {
        model.addAttribute("view", boards.view(CurrentUsers.require(), id));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "programme/board";
    }

    @PostMapping("/programme/boards/{id}/members")
    String member(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return onBoard(id, form, model, redirect, "programme.member.added", () -> boards.addMember(CurrentUsers.require(), id,
                new Boards.MemberForm(form.get("name"), form.get("organisation"), form.get("roleTitle"), "true".equals(form.get("communityMember")),
                        form.get("email"), form.get("joinedOn"))));
    }

    @PostMapping("/programme/boards/{id}/meetings")
    String meeting(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return onBoard(id, form, model, redirect, "programme.meeting.added",
                () -> meetings.add(CurrentUsers.require(), id, form.get("heldOn"), form.get("location")));
    }

    @PostMapping("/programme/boards/{id}/actions")
    String raise(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return onBoard(id, form, model, redirect, "programme.action.raised", () -> boards.raise(CurrentUsers.require(), id,
                new Boards.ActionForm(form.get("title"), form.get("ownerName"), form.get("ownerOrganisation"), form.get("ownerEmail"),
                        form.get("dueOn"), form.get("meetingId"), form.get("agendaItemId"))));
    }

    /** Runs one of the board page's forms: back to the board with a banner, or the page again with the errors and what was typed. */
    private String onBoard(UUID id, Map<String, String> form, Model model, RedirectAttributes redirect, String banner, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("banner", banner);
            return "redirect:/programme/boards/" + id;
        } catch (FormErrors.Invalid e) {
            return boardPage(model, id, e.errors(), form);
        }
    }

    @GetMapping("/programme/actions")
    String tracker(@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "false") boolean closed, Model model) {
        model.addAttribute("tracked", boards.tracker(CurrentUsers.require(), overdue, closed));
        model.addAttribute("overdue", overdue);
        model.addAttribute("closed", closed);
        return "programme/actions";
    }

    @GetMapping("/programme/actions/{id}")
    String action(@PathVariable UUID id, Model model) {
        return actionPage(model, id, new FormErrors(), Map.of());
    }

    private String actionPage(Model model, UUID id, FormErrors errors, Map<String, String> typed) {
        model.addAttribute("view", boards.action(CurrentUsers.require(), id));
        model.addAttribute("statuses", ActionStatus.values());
        model.addAttribute("rags", Rag.values());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "programme/action";
    }

    @PostMapping("/programme/actions/{id}/updates")
    String update(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            boards.update(CurrentUsers.require(), id, form.get("note"), form.get("status"), form.get("rag"));
            redirect.addFlashAttribute("banner", "programme.update.recorded");
            return "redirect:/programme/actions/" + id;
        } catch (FormErrors.Invalid e) {
            return actionPage(model, id, e.errors(), form);
        }
    }
}
