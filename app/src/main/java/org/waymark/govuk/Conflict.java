package org.waymark.govuk;

/**
 * A request that is well formed but not possible in the record's present state (a decision on a case already
 * decided). The API answers 409 with this message; pages show it in the error summary.
 */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
