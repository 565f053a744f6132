package org.waymark.web;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.waymark.access.RecordNotFoundException;
import org.waymark.govuk.FormErrors;

/**
 * Errors from {@code /api/v1} as RFC 9457 problem details: field errors for bad input, 404 for missing or
 * forbidden records, and a bare 500 (with a reference to the log, never a stack trace) for the unexpected.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final MessageSource messages;

    private final org.waymark.access.Refusals refusals;

    ApiExceptionHandler(MessageSource messages, org.waymark.access.Refusals refusals) {
        this.messages = messages;
        this.refusals = refusals;
    }

    @ExceptionHandler(FormErrors.Invalid.class)
    ResponseEntity<ProblemDetail> invalid(FormErrors.Invalid e, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", e.errors().resolve(messages, locale));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(RecordNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(RecordNotFoundException e, jakarta.servlet.http.HttpServletRequest request) {
        refusals.refused(request.getMethod(), request.getRequestURI(), e.recordType(), e.recordId());
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such resource.");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(org.waymark.govuk.Conflict.class)
    ResponseEntity<ProblemDetail> conflict(org.waymark.govuk.Conflict e, java.util.Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages.getMessage(e, locale));
        problem.setTitle("Not possible now");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Parameter '" + e.getName() + "' has an invalid value.");
        problem.setTitle("Invalid request");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseOutage.causedBy(e)) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The database cannot be reached. Nothing was saved; try again in a few seconds.");
            problem.setTitle("Service Unavailable");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).body(problem);
        }
        if (UnstorableText.causedBy(e)) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The request contains a control character (such as NUL) that cannot be stored. Nothing was saved.");
            problem.setTitle("Invalid request");
            return ResponseEntity.badRequest().body(problem);
        }
        String reference = java.util.UUID.randomUUID().toString();
        log.error("Unexpected API error, reference {}", reference, e);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong. Quote reference " + reference + " to the service desk.");
        problem.setProperty("reference", reference);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    /** Malformed JSON: say where, not how the parser failed internally. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimit.TooLarge) {
                var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, t.getMessage() + ": send less.");
                problem.setTitle("Content Too Large");
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
            }
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON for this operation.");
        problem.setTitle("Unreadable request");
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Parameter '" + e.getParameterName() + "' is required.");
        problem.setTitle("Invalid request");
        return ResponseEntity.badRequest().body(problem);
    }
}
