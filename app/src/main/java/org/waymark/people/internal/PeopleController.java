package org.waymark.people.internal;

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
import org.waymark.govuk.Conflict;
import org.waymark.govuk.DateInput;
import org.waymark.govuk.FormErrors;
import org.waymark.govuk.PageForms;

/** Pages: the decision on a case's candidate, people search, one person with their merges. */
@Controller
class PeopleController {

    private final People people;
    private final PersonMerges merges;

    PeopleController(People people, PersonMerges merges) {
        this.merges = merges;
        this.people = people;
    }

    @PostMapping("/cases/{id}/person-matches/{personId}")
    String decide(@PathVariable UUID id, @PathVariable UUID personId, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String confirmed,
            HttpServletRequest request, RedirectAttributes redirect) {
        // On the page, "Same person" is asked twice: merging changes what every reader of both records sees.
        if ("SAME_PERSON".equals(decision) && !"yes".equals(confirmed)) {
            return "redirect:/cases/" + id + "?action=merge&person=" + personId;
        }
        PeopleRecords.Merge merge;
        try {
            merge = people.decide(CurrentUsers.require(), id, personId, new PeopleRecords.DecisionForm(decision, reason));
        } catch (FormErrors.Invalid | Conflict e) {
            return PageForms.back(redirect, "SAME_PERSON".equals(decision) ? "/cases/" + id + "?action=merge&person=" + personId
                    : "/cases/" + id + "#personMatches", e, request.getParameterMap());
        }
        redirect.addFlashAttribute("banner", merge == null ? "people.banner.rejected" : "people.banner.merged");
        return "redirect:/cases/" + id;
    }

    @GetMapping("/people")
    String search(@RequestParam(required = false) String forename, @RequestParam(required = false) String surname,
            @RequestParam(name = "dateOfBirth-day", required = false) String day, @RequestParam(name = "dateOfBirth-month", required = false) String month,
            @RequestParam(name = "dateOfBirth-year", required = false) String year, Model model) {
        model.addAttribute("typed", Map.of("forename", forename == null ? "" : forename, "surname", surname == null ? "" : surname,
                "dateOfBirth-day", day == null ? "" : day, "dateOfBirth-month", month == null ? "" : month, "dateOfBirth-year", year == null ? "" : year));
        model.addAttribute("errors", new FormErrors());
        model.addAttribute("searched", false);
        if (forename != null || surname != null) {
            try {
                model.addAttribute("results", people.search(CurrentUsers.require(), new PeopleRecords.SearchForm(forename, surname, DateInput.iso(day, month, year))));
                model.addAttribute("searched", true);
            } catch (FormErrors.Invalid e) {
                model.addAttribute("errors", e.errors());
            }
        } else {
            People.requireUser(CurrentUsers.require());
        }
        return "people/search";
    }

    @GetMapping("/people/{id}")
    String person(@PathVariable UUID id, Model model) {
        model.addAttribute("person", people.person(CurrentUsers.require(), id));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "people/person";
    }

    @PostMapping("/people/merges/{mergeId}/undo")
    String undo(@PathVariable UUID mergeId, RedirectAttributes redirect) {
        var merge = merges.mergeRecord(CurrentUsers.require(), mergeId);
        try {
            merges.undo(CurrentUsers.require(), mergeId);
        } catch (Conflict e) {
            return PageForms.back(redirect, "/people/" + merge.survivorId(), e, Map.of());
        }
        redirect.addFlashAttribute("banner", "people.banner.undone");
        return "redirect:/people/" + merge.mergedId();
    }
}
