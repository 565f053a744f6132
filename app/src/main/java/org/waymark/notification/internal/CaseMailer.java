package org.waymark.notification.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.waymark.access.Recipients;
import org.waymark.referral.CaseNotification;

/**
 * Sends each case notification to the people who should act on it. Runs after commit, from the event
 * publication registry (which records every publication to a transactional event listener): if the SMTP server is down the publication stays incomplete and is resubmitted
 * (on restart, or by an operator), so nothing is lost. Without an SMTP host it only logs that it would send.
 */
@Component
class CaseMailer {

    private final Recipients recipients;
    private final Mailer mailer;
    private final MessageSource messages;

    CaseMailer(Recipients recipients, Mailer mailer, MessageSource messages) {
        this.recipients = recipients;
        this.mailer = mailer;
        this.messages = messages;
    }

    /**
     * After commit, on another thread, and without a transaction of its own: it only reads, and holding a
     * connection while the registry takes a second one to mark the publication complete could starve a small pool.
     */
    @org.springframework.scheduling.annotation.Async
    @org.springframework.transaction.event.TransactionalEventListener
    void on(CaseNotification notification) {
        var to = notification.username() != null ? recipients.emailOf(notification.username())
                : recipients.emails(notification.role(), notification.areaCode(), notification.organisationCode());
        String link = mailer.link(notification.kind().startsWith("information.requested") ? "/information-requests"
                : notification.kind().startsWith("information.answered") ? "/information-requests/sent"
                : notification.kind().startsWith("intervention.") ? "/interventions" : "/cases/" + notification.caseId());
        String subject = messages.getMessage("mail." + notification.kind() + ".subject", new Object[] {notification.reference()},
                "Waymark: " + notification.reference(), Locale.UK);
        String body = messages.getMessage("mail.body", new Object[] {
                messages.getMessage("mail." + notification.kind() + ".subject", new Object[] {notification.reference()}, notification.kind(), Locale.UK),
                link}, Locale.UK);
        mailer.send(to, subject, body, notification.kind() + " for case " + notification.caseId());
    }

    /**
     * One user refused again and again in a short time (someone trying case identifiers): the DPOs of their
     * organisation and of the Home Office hear of it, with a link to that user's audit entries.
     */
    @org.springframework.scheduling.annotation.Async
    @org.springframework.context.event.EventListener
    void on(org.waymark.access.AccessEvents.RefusalBurst burst) {
        var to = new java.util.TreeSet<String>(recipients.emails(org.waymark.access.Role.DPO, null, burst.organisationCode()));
        to.addAll(recipients.emails(org.waymark.access.Role.DPO, null, "HOME-OFFICE"));
        String subject = messages.getMessage("mail.access.refusedBurst.subject", new Object[] {burst.username()}, Locale.UK);
        String body = messages.getMessage("mail.body", new Object[] {
                messages.getMessage("mail.access.refusedBurst.body", new Object[] {burst.username(), burst.refusals(),
                        burst.within().toMinutes()}, Locale.UK),
                mailer.link("/audit?actor=" + java.net.URLEncoder.encode(burst.username(), java.nio.charset.StandardCharsets.UTF_8)
                        + "&action=CONSULTATION")}, Locale.UK);
        mailer.send(java.util.List.copyOf(to), subject, body, "refusal burst of user " + burst.userId());
    }

    /** Break-glass access was used: the DPOs of the user's organisation and of the Home Office hear of it at once. */
    @org.springframework.scheduling.annotation.Async
    @org.springframework.transaction.event.TransactionalEventListener
    void on(org.waymark.retention.BreakGlassGranted granted) {
        var to = new java.util.TreeSet<String>(recipients.emails(org.waymark.access.Role.DPO, null, granted.organisationCode()));
        to.addAll(recipients.emails(org.waymark.access.Role.DPO, null, "HOME-OFFICE"));
        String subject = messages.getMessage("mail.breakGlass.subject", new Object[] {granted.username(), granted.caseReference()}, Locale.UK);
        String body = messages.getMessage("mail.body", new Object[] {
                messages.getMessage("mail.breakGlass.body", new Object[] {granted.username(), granted.caseReference()}, Locale.UK),
                mailer.link("/retention/break-glass")}, Locale.UK);
        mailer.send(java.util.List.copyOf(to), subject, body, "break-glass " + granted.grantId());
    }
}
