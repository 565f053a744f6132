package org.waymark.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the limit, or a broken multipart body, fails before any controller is chosen, so only an
 * advice that applies to every handler sees it: a 413 problem for the API, an explanation page for people.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitHandler {

    @ExceptionHandler(MultipartException.class)
    Object tooLarge(MultipartException e, HttpServletRequest request) {
        boolean tooLarge = e instanceof MaxUploadSizeExceededException;
        HttpStatus status = tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            var problem = ProblemDetail.forStatusAndDetail(status, tooLarge ? "The upload is larger than " + (request.getRequestURI().contains("/content-intakes") ? "100" : "20") + " MB." : "The upload could not be read.");
            return ResponseEntity.status(status).body(problem);
        }
        var page = new ModelAndView("error/upload");
        page.addObject("tooLarge", tooLarge);
        page.setStatus(status);
        return page;
    }
}
