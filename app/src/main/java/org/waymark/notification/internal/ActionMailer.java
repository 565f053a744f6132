package org.waymark.notification.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.waymark.programme.ActionDue;

/** Tells an action's owner it is due soon, or overdue, with a link to it; delivered from the outbox after commit. */
@Component
class ActionMailer {

    private final Mailer mailer;
    private final MessageSource messages;

    ActionMailer(Mailer mailer, MessageSource messages) {
        this.mailer = mailer;
        this.messages = messages;
    }

    @org.springframework.scheduling.annotation.Async
    @org.springframework.transaction.event.TransactionalEventListener
    void on(ActionDue due) {
        String subject = messages.getMessage(due.overdue() ? "mail.action.overdue.subject" : "mail.action.due.subject", new Object[] {due.number()},
                Locale.UK);
        String text = messages.getMessage("mail.action.body", new Object[] {due.number(), due.title(), due.boardName(), due.dueOn().toString()},
                Locale.UK);
        String body = messages.getMessage("mail.body", new Object[] {text, mailer.link("/programme/actions/" + due.actionId())}, Locale.UK);
        mailer.send(List.of(due.ownerEmail()), subject, body, "reminder of action " + due.number());
    }
}
