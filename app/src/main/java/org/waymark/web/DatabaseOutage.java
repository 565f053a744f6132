package org.waymark.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is unreachable every request that needs it answers 503 with {@code Retry-After}, within
 * the pool's two-second wait for a connection, instead of a 500 or a hang; readiness reports DOWN meanwhile
 * (the {@code db} check is in the readiness group), and the pool reconnects by itself when the database is back.
 * Nothing is acknowledged that was not committed, so nothing is lost. This filter catches outages met outside
 * a controller (the token check reads the database before any controller runs); inside one, the exception
 * handlers ask {@link #causedBy} too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DatabaseOutage extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    /** A connection that could not be had or was lost: PostgreSQL's class 08 and shutdown states, the pool's time-out. */
    public static boolean causedBy(Throwable e) {
        return anyCause(e, t -> t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0")));
    }

    /** Whether the exception or any of its causes is one of these. */
    static boolean anyCause(Throwable e, java.util.function.Predicate<Throwable> test) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!causedBy(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            write(request, response);
        }
    }

    static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding("UTF-8");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                    + "\"detail\":\"The database cannot be reached. Nothing was saved; try again in a few seconds.\"}");
        } else {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sorry, the service is "
                    + "unavailable – Waymark</title><link rel=\"stylesheet\" href=\"/govuk/govuk-frontend.min.css\"></head>"
                    + "<body class=\"govuk-template__body\"><div class=\"govuk-width-container\"><main class=\"govuk-main-wrapper\">"
                    + "<h1 class=\"govuk-heading-l\">Sorry, the service is unavailable</h1><p class=\"govuk-body\">Waymark cannot "
                    + "reach its database just now. Nothing from this request was saved. Go back and try again in a few seconds: "
                    + "what you typed is still in your browser.</p></main></div></body></html>");
        }
    }
}
