package org.waymark.audit.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waymark.access.CurrentUsers;
import org.waymark.audit.AuditAction;
import org.waymark.govuk.FormErrors;

/** The DPO's pages: search the trail, export what was found, check that it is intact. */
@Controller
class AuditController {


    private final AuditQueries queries;
    private final AuditVerifier verifier;

    AuditController(AuditQueries queries, AuditVerifier verifier) {
        this.queries = queries;
        this.verifier = verifier;
    }

    @GetMapping("/audit")
    String search(@RequestParam(required = false) String actor, @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String action, @RequestParam(required = false) String recordType,
            @RequestParam(required = false) String recordId, @RequestParam(required = false) String personId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Long before, Model model) {
        var dpo = CurrentUsers.require();
        var filters = new AuditQueries.Filters(actor, organisation, action, recordType, recordId, personId, from, to);
        var errors = new FormErrors();
        var search = queries.validate(filters, dpo, errors);
        model.addAttribute("errors", errors);
        model.addAttribute("filters", filters);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("national", dpo.hasNationalScope());
        if (errors.isEmpty()) {
            var found = queries.search(search, dpo, before == null ? Long.MAX_VALUE : before, AuditQueries.PAGE_SIZE + 1, "audit.searched");
            boolean more = found.size() > AuditQueries.PAGE_SIZE;
            var shown = more ? found.subList(0, AuditQueries.PAGE_SIZE) : found;
            model.addAttribute("entries", shown);
            model.addAttribute("older", more ? shown.get(shown.size() - 1).id() : null);
        }
        return "audit/search";
    }

    @GetMapping("/audit/export.csv")
    void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String action, @RequestParam(required = false) String recordType,
            @RequestParam(required = false) String recordId, @RequestParam(required = false) String personId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        var dpo = CurrentUsers.require();
        var errors = new FormErrors();
        var search = queries.validate(new AuditQueries.Filters(actor, organisation, action, recordType, recordId, personId, from, to), dpo, errors);
        if (!errors.isEmpty()) {
            response.sendRedirect("/audit?" + (from == null ? "" : "from=" + java.net.URLEncoder.encode(from, StandardCharsets.UTF_8)));
            return;
        }
        var found = queries.search(search, dpo, Long.MAX_VALUE, AuditQueries.EXPORT_LIMIT, "audit.exported");
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"waymark-audit.csv\"");
        AuditCsv.write(response.getWriter(), found);
    }

    @GetMapping("/audit/verification")
    String verification(Model model) {
        queries.recordVerification(CurrentUsers.require());
        model.addAttribute("result", verifier.verify());
        return "audit/verification";
    }
}
