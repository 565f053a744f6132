package org.waymark.referral.internal;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.CurrentUsers;
import org.waymark.referral.CaseStage;

@RestController
@Tag(name = "Cases")
class FurtherConcernApiController {

    private final FurtherConcerns furtherConcerns;

    FurtherConcernApiController(FurtherConcerns furtherConcerns) {
        this.furtherConcerns = furtherConcerns;
    }

    record Joined(UUID id, String reference, CaseStage stage, UUID joinedTo) {
    }

    @PostMapping("/api/v1/cases/{id}/join")
    @Operation(summary = "A gateway officer joins this referral (at screening) to the same person's open case as a further concern: "
            + "body {\"into\": \"<case id>\", \"reason\": \"...\"}; the referral closes as JOINED and shows on the open case")
    Joined join(@PathVariable UUID id, @RequestBody(required = false) FurtherConcerns.JoinForm body) {
        var form = body == null ? new FurtherConcerns.JoinForm(null, null) : body;
        var joined = furtherConcerns.join(CurrentUsers.require(), id, form);
        return new Joined(joined.id(), joined.reference(), joined.stage(), form.into());
    }
}
