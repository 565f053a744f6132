package org.waymark.web;


import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.waymark.access.RecordNotFoundException;

/** A record that is missing, or not the user's to see, shows the same "Page not found". */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

    private final org.waymark.access.Refusals refusals;

    PageExceptionHandler(org.waymark.access.Refusals refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler({RecordNotFoundException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Exception e, jakarta.servlet.http.HttpServletRequest request) {
        var missing = e instanceof RecordNotFoundException r ? r : null;
        refusals.refused(request.getMethod(), request.getRequestURI(), missing == null ? null : missing.recordType(),
                missing == null ? null : missing.recordId());
        return "error/404";
    }

    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    String unstorable(org.springframework.dao.DataAccessException e, jakarta.servlet.http.HttpServletResponse response) throws
            org.springframework.dao.DataAccessException {
        if (DatabaseOutage.causedBy(e)) {
            throw e; // answered 503 by the DatabaseOutage filter
        }
        if (!UnstorableText.causedBy(e)) {
            throw e;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "error/characters";
    }
}
