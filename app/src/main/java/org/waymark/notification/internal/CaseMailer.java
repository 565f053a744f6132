package org.waymark.notification.internal;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
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

    private static final Logger log = LoggerFactory.getLogger(CaseMailer.class);

    private final Recipients recipients;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final String host;
    private final String from;
    private final String baseUrl;

    CaseMailer(Recipients recipients, ObjectProvider<JavaMailSender> mail, MessageSource messages,
            @Value("${spring.mail.host:}") String host, @Value("${waymark.mail.from:waymark@localhost}") String from,
            @Value("${waymark.base-url:}") String baseUrl) {
        this.recipients = recipients;
        this.mail = mail;
        this.messages = messages;
        this.host = host;
        this.from = from;
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
    }

    /**
     * After commit, on another thread, and without a transaction of its own: it only reads, and holding a
     * connection while the registry takes a second one to mark the publication complete could starve a small pool.
     */
    @org.springframework.scheduling.annotation.Async
    @org.springframework.transaction.event.TransactionalEventListener
    void on(CaseNotification notification) {
        var to = recipients.emails(notification.role(), notification.areaCode(), notification.organisationCode());
        if (to.isEmpty()) {
            log.info("No recipients with an e-mail address for {} on case {}", notification.kind(), notification.caseId());
            return;
        }
        var sender = mail.getIfAvailable();
        if (host == null || host.isBlank() || sender == null) {
            log.info("No SMTP host configured (WAYMARK_SMTP_HOST): not sending {} for case {} to {} recipients",
                    notification.kind(), notification.caseId(), to.size());
            return;
        }
        String link = baseUrl + (notification.kind().startsWith("information.requested") ? "/information-requests"
                : notification.kind().startsWith("intervention.") ? "/interventions" : "/cases/" + notification.caseId());
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(messages.getMessage("mail." + notification.kind() + ".subject", new Object[] {notification.reference()},
                "Waymark: " + notification.reference(), Locale.UK));
        message.setText(messages.getMessage("mail.body", new Object[] {
                messages.getMessage("mail." + notification.kind() + ".subject", new Object[] {notification.reference()}, notification.kind(), Locale.UK),
                link}, Locale.UK));
        sender.send(message);
    }
}
