package org.waymark.access.internal;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.waymark.access.CurrentUsers;

/**
 * A form sent after its session ended (its CSRF token is gone or stale) is never simply lost (ADR 15). What was
 * typed is kept in a new session and shown back on a "send again" page, whose button posts it to the same
 * address with a fresh token. Staff whose sign-in ended sign in first and then see that page. Nothing is saved
 * until the person presses the button, so a forged cross-site post gains nothing: only a same-origin post is
 * kept, and the page shows every value it will send. Passwords, codes and uploads are never kept.
 */
@org.springframework.stereotype.Controller
class TimedOutForms {

    static final String PENDING = "waymark.timedOutForm";
    private static final int MAX_FIELDS = 200;
    private static final int MAX_CHARACTERS = 200_000;

    record Field(String name, String value) implements Serializable {
    }

    record Pending(String path, List<Field> fields) implements Serializable {
    }

    /** A kept answer as shown back: under the question's own words where the service has them. */
    record Shown(String label, String value) {
    }

    private final MessageSource messages;

    TimedOutForms(MessageSource messages) {
        this.messages = messages;
    }

    /** True when it has dealt with the refusal: the form was kept and the browser sent on. */
    boolean keep(HttpServletRequest request, HttpServletResponse response, Exception denied) throws IOException {
        if (!(denied instanceof CsrfException) || !"POST".equalsIgnoreCase(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/sign-in") || path.equals("/sign-out")) {
            // Nothing worth keeping, and a password is never kept: start the sign-in again.
            response.sendRedirect(request.getContextPath() + "/sign-in?expired");
            return true;
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/") || !sameOrigin(request)) {
            return false;
        }
        var fields = new ArrayList<Field>();
        int characters = 0;
        for (var entry : request.getParameterMap().entrySet()) {
            String name = entry.getKey();
            if (name.equals("_csrf") || name.toLowerCase(Locale.ROOT).contains("password") || name.equals("code")) {
                continue;
            }
            for (String value : entry.getValue()) {
                characters += name.length() + value.length();
                fields.add(new Field(name, value));
            }
        }
        if (fields.size() > MAX_FIELDS || characters > MAX_CHARACTERS || request.getQueryString() != null) {
            return false;
        }
        request.getSession(true).setAttribute(PENDING, new Pending(path, List.copyOf(fields)));
        boolean signedIn = CurrentUsers.current().isPresent();
        boolean isPublic = isPublic(path);
        String again = path.startsWith("/cy/") ? "/cy/send-again" : "/send-again";
        response.sendRedirect(request.getContextPath() + (signedIn || isPublic ? again : "/sign-in?expired"));
        return true;
    }

    /** The public's forms, which need no account: their expired posts are offered again without signing in. */
    private static boolean isPublic(String path) {
        String p = path.startsWith("/cy/") ? path.substring(3) : path;
        return p.startsWith("/report-a-concern") || p.startsWith("/report-online-content");
    }

    /** Whether a form waits to be sent again: after sign-in the user lands on it instead of the home page. */
    static boolean waiting(HttpServletRequest request) {
        var session = request.getSession(false);
        return session != null && session.getAttribute(PENDING) instanceof Pending;
    }

    /** A form posted here by this service's own pages: the browser says so in Origin, or failing that Referer. */
    private static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank() || origin.equals("null")) {
            origin = request.getHeader("Referer");
        }
        if (origin == null) {
            return false;
        }
        try {
            var uri = URI.create(origin);
            int port = uri.getPort() == -1 ? ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80) : uri.getPort();
            return request.getScheme().equalsIgnoreCase(uri.getScheme()) && request.getServerName().equalsIgnoreCase(uri.getHost())
                    && request.getServerPort() == port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The question a field answers: the labels its own form uses, else its name in words ("concernType": "Concern type"). */
    private String label(String field, Locale locale) {
        String base = field.replaceAll("-(day|month|year)$", "");
        for (String prefix : List.of("sendAgain.field.", "pro.", "public.", "screening.", "channel.", "case.")) {
            String found = messages.getMessage(prefix + base, null, null, locale);
            if (found != null) {
                return base.equals(field) ? found : found + " (" + field.substring(base.length() + 1) + ")";
            }
        }
        String words = field.replaceAll("([a-z])([A-Z])", "$1 $2").replace('-', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    @GetMapping({"/send-again", "/cy/send-again"})
    String sendAgain(HttpServletRequest request, Model model) {
        var session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
            return "redirect:/";
        }
        boolean isPublic = isPublic(pending.path());
        if (!isPublic && CurrentUsers.current().isEmpty()) {
            return "redirect:/sign-in?expired";
        }
        session.removeAttribute(PENDING);
        model.addAttribute("pending", pending);
        Locale locale = pending.path().startsWith("/cy/") ? Locale.forLanguageTag("cy") : Locale.UK;
        model.addAttribute("shown", pending.fields().stream().filter(f -> !f.value().isBlank())
                .map(f -> new Shown(label(f.name(), locale), f.value())).toList());
        model.addAttribute("welsh", pending.path().startsWith("/cy/"));
        return "access/send-again";
    }
}
