package org.waymark.programme.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.access.CurrentUsers;
import org.waymark.govuk.FormErrors;
import org.waymark.govuk.PageForms;
import org.waymark.programme.internal.ProgrammeRecords.Attendance;
import org.waymark.programme.internal.ProgrammeRecords.Purpose;

/**
 * One meeting's page and its forms: attendance, agenda items, decisions, minutes and approving the previous meeting's.
 * A refused form comes back to the page with its errors and what was typed ({@link PageForms}).
 */
@Controller
class MeetingController {

    private final Meetings meetings;

    MeetingController(Meetings meetings) {
        this.meetings = meetings;
    }

    @GetMapping("/programme/meetings/{id}")
    String meeting(@PathVariable UUID id, Model model) {
        model.addAttribute("view", meetings.view(CurrentUsers.require(), id));
        model.addAttribute("marks", Attendance.values());
        model.addAttribute("purposes", Purpose.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "programme/meeting";
    }

    private static String page(UUID id) {
        return "/programme/meetings/" + id;
    }

    @PostMapping("/programme/meetings/{id}/attendance")
    String attendance(@PathVariable UUID id, @RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes redirect) {
        var attendance = new HashMap<UUID, String>();
        var declarations = new HashMap<UUID, String>();
        form.forEach((key, value) -> {
            if (key.startsWith("attendance-") && uuid(key.substring("attendance-".length())) != null) {
                attendance.put(uuid(key.substring("attendance-".length())), value);
            } else if (key.startsWith("declaration-") && uuid(key.substring("declaration-".length())) != null) {
                declarations.put(uuid(key.substring("declaration-".length())), value);
            }
        });
        return PageForms.act(page(id), page(id), request.getParameterMap(), redirect, "programme.attendance.recorded", () -> {
            meetings.mark(CurrentUsers.require(), id, attendance, declarations);
            return null;
        });
    }

    @PostMapping("/programme/meetings/{id}/agenda")
    String agenda(@PathVariable UUID id, @RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes redirect) {
        return PageForms.act(page(id), page(id) + "#agenda", request.getParameterMap(), redirect, "programme.item.added",
                () -> meetings.addItem(CurrentUsers.require(), id, form.get("title"), form.get("presenter"), form.get("paper"), form.get("purpose")));
    }

    @PostMapping("/programme/meetings/{id}/agenda/{itemId}/decision")
    String decision(@PathVariable UUID id, @PathVariable UUID itemId, @RequestParam Map<String, String> form, HttpServletRequest request,
            RedirectAttributes redirect) {
        return PageForms.act(page(id), page(id) + "#agenda", request.getParameterMap(), redirect, "programme.decision.recorded", () -> {
            meetings.decide(CurrentUsers.require(), id, itemId, form.get("decision-" + itemId));
            return null;
        });
    }

    @PostMapping("/programme/meetings/{id}/minutes")
    String minutes(@PathVariable UUID id, @RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes redirect) {
        return PageForms.act(page(id), page(id) + "#minutes", request.getParameterMap(), redirect, "programme.minutes.saved", () -> {
            meetings.draftMinutes(CurrentUsers.require(), id, form.get("minutes"));
            return null;
        });
    }

    @PostMapping("/programme/meetings/{id}/approve-previous-minutes")
    String approve(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes redirect) {
        return PageForms.act(page(id), page(id), request.getParameterMap(), redirect, "programme.minutes.approvedBanner", () -> {
            meetings.approvePreviousMinutes(CurrentUsers.require(), id);
            return null;
        });
    }

    static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
