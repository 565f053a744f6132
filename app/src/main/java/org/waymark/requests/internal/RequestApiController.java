package org.waymark.requests.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.waymark.requests.InformationRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.CurrentUsers;

/** {@code /api/v1}: information requests to partners, and their answers. */
@RestController
@Tag(name = "Information requests", description = "Questions to partner organisations about a case, and their answers")
class RequestApiController {

    private final InformationRequests requests;

    RequestApiController(InformationRequests requests) {
        this.requests = requests;
    }

    @PostMapping("/api/v1/cases/{id}/information-requests")
    @Operation(summary = "Ask a partner organisation for information (organisation code, question, dueOn; default five working days)")
    ResponseEntity<InformationRequest> request(@PathVariable UUID id, @RequestBody RequestForms.RequestForm body) {
        var request = requests.ask(CurrentUsers.require(), id, body);
        return ResponseEntity.created(URI.create("/api/v1/information-requests/" + request.id())).body(request);
    }

    @GetMapping("/api/v1/information-requests")
    @Operation(summary = "Information requests addressed to your organisation")
    List<InformationRequest> requests() {
        return requests.addressedTo(CurrentUsers.require());
    }

    @GetMapping("/api/v1/information-requests/{id}")
    @Operation(summary = "One information request addressed to your organisation")
    InformationRequest request(@PathVariable UUID id) {
        return requests.read(CurrentUsers.require(), id);
    }

    @PostMapping("/api/v1/information-requests/{id}/answer")
    @Operation(summary = "Answer a request: recorded as a disclosure by your organisation to the requester")
    InformationRequest answer(@PathVariable UUID id, @RequestBody RequestForms.AnswerForm body) {
        return requests.answer(CurrentUsers.require(), id, body);
    }
}
