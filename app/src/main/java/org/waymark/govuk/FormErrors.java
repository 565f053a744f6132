package org.waymark.govuk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;

/**
 * Problems with what someone submitted, in the order of the form's fields. Each is a message code with
 * arguments, resolved through the message bundles, so every language gets the same errors.
 */
public final class FormErrors implements java.io.Serializable {

    public record Problem(String field, String code, Object[] args) implements java.io.Serializable {
    }

    private final List<Problem> problems = new ArrayList<>();

    public FormErrors add(String field, String code, Object... args) {
        if (!has(field)) {
            problems.add(new Problem(field, code, args));
        }
        return this;
    }

    /**
     * A free-text answer: when required and blank, the error {@code prefix.field.missing}; when longer than
     * {@code max} once trimmed, {@code form.tooLong}.
     */
    public FormErrors text(String prefix, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, prefix + "." + field + ".missing");
            }
        } else if (TextRules.problem(value) != null) {
            add(field, TextRules.problem(value));
        } else if (value.strip().length() > max) {
            add(field, "form.tooLong", max);
        }
        return this;
    }

    /** A person's name: as {@link #text}, and the rules for names ({@link TextRules#nameProblem}). */
    public FormErrors name(String prefix, String field, String value, int max, boolean required) {
        text(prefix, field, value, max, required);
        if (!has(field) && value != null && !value.isBlank() && TextRules.nameProblem(value) != null) {
            add(field, TextRules.nameProblem(value));
        }
        return this;
    }

    /** Throws the errors, if there are any, for the page or the API to show. */
    public void throwIfAny() {
        if (!isEmpty()) {
            throw new Invalid(this);
        }
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public boolean has(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    public Optional<Problem> get(String field) {
        return problems.stream().filter(p -> p.field().equals(field)).findFirst();
    }

    public List<Problem> all() {
        return List.copyOf(problems);
    }

    /** Field to message, for API problem details. */
    public Map<String, String> resolve(MessageSource messages, Locale locale) {
        var resolved = new LinkedHashMap<String, String>();
        for (Problem p : problems) {
            resolved.put(p.field(), messages.getMessage(p.code(), p.args(), p.code(), locale));
        }
        return resolved;
    }

    /** Thrown by services when input fails validation; controllers show it, the API turns it into a 400 problem. */
    public static class Invalid extends RuntimeException {
        private final FormErrors errors;

        public Invalid(FormErrors errors) {
            super("invalid input: " + errors.all().stream().map(Problem::field).toList());
            this.errors = errors;
        }

        public FormErrors errors() {
            return errors;
        }
    }
}
