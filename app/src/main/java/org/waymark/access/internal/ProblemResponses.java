package org.waymark.access.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/** RFC 9457 problem details written by the security filters, before any controller runs. */
@Component
class ProblemResponses {

    private final org.waymark.access.Refusals refusals;

    ProblemResponses(org.waymark.access.Refusals refusals) {
        this.refusals = refusals;
    }

    void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, "Authentication required",
                "Send an API token as 'Authorization: Bearer <token>'.", request.getRequestURI());
    }

    /** Denied looks exactly like missing: the API does not confirm that a resource exists. */
    void notFound(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        refusals.refused(request.getMethod(), request.getRequestURI(), null, null);
        write(response, HttpServletResponse.SC_NOT_FOUND, "Not Found", "No such resource.", request.getRequestURI());
    }

    void write(HttpServletResponse response, int status, String title, String detail, String instance) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status
                + ",\"detail\":" + json(detail) + ",\"instance\":" + json(instance) + "}");
    }

    static String json(String value) {
        var out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
