package org.waymark.requests.internal;

/** What the request pages and API submit, as typed, before any of it is checked. */
final class RequestForms {

    private RequestForms() {
    }

    record RequestForm(String organisation, String question, String dueOn) {
    }

    record AnswerForm(String answer) {
    }
}
