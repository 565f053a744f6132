package org.waymark.referral.internal;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.CurrentUsers;
import org.waymark.referral.CasePrintouts;

/** The printed case summary, for the page's "Print a case summary" link and for the API alike. */
@RestController
@Tag(name = "Cases")
class CasePrintoutController {

    private final CasePrintouts printouts;

    CasePrintoutController(CasePrintouts printouts) {
        this.printouts = printouts;
    }

    @GetMapping({"/cases/{id}/summary.pdf", "/api/v1/cases/{id}/summary.pdf"})
    @Operation(summary = "The case summary as a PDF marked OFFICIAL-SENSITIVE: what you may see of the case, nothing more")
    ResponseEntity<byte[]> summary(@PathVariable UUID id) {
        return org.waymark.govuk.Printout.download(printouts.summary(CurrentUsers.require(), id), "case-summary-" + id + ".pdf");
    }
}
