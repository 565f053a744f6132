package org.waymark.govuk;

import org.springframework.context.MessageSourceResolvable;

/**
 * A request that is well formed but not possible in the record's present state (a decision on a case already
 * decided). It carries a message code and its arguments, resolved in the reader's language: the API answers 409
 * with the words, pages show them in the error summary. Arguments may themselves be resolvable (a stage's words).
 */
public class Conflict extends RuntimeException implements MessageSourceResolvable {

    private final String code;
    private final transient Object[] args;

    public Conflict(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = args.clone();
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return args.clone();
    }

    @Override
    public String getDefaultMessage() {
        return code;
    }
}
