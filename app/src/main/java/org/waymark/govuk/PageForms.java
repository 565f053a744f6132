package org.waymark.govuk;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A form posted from a page that another module renders (the case page): on a problem, back to that page
 * with the error summary and what was typed, so nothing entered is lost and the page stays the one place
 * that draws the case.
 */
public final class PageForms {

    private PageForms() {
    }

    /**
     * Runs a form's action: done, to {@code done} with a banner; refused (invalid fields, or a step the record's state
     * does not allow), back to {@code back} with the errors and everything that was typed.
     */
    public static String act(String back, String done, Map<String, String[]> typed, RedirectAttributes redirect, String banner,
            java.util.function.Supplier<?> action) {
        try {
            action.get();
        } catch (FormErrors.Invalid | Conflict e) {
            return back(redirect, back, e, typed);
        }
        redirect.addFlashAttribute("banner", banner);
        return "redirect:" + done;
    }

    public static String back(RedirectAttributes redirect, String page, RuntimeException problem, Map<String, String[]> typed) {
        FormErrors errors;
        if (problem instanceof FormErrors.Invalid invalid) {
            errors = invalid.errors();
        } else if (problem instanceof Conflict conflict) {
            errors = new FormErrors().add("stage", conflict.code(), conflict.args());
        } else {
            throw problem;
        }
        var values = new LinkedHashMap<String, String>();
        typed.forEach((k, v) -> {
            if (!k.equals("_csrf") && v.length > 0) {
                // A group of checkboxes sends several values: kept together, comma-separated, for the page to tick again.
                values.put(k, String.join(",", v));
            }
        });
        redirect.addFlashAttribute("errors", errors);
        redirect.addFlashAttribute("typed", values);
        return "redirect:" + page;
    }
}
