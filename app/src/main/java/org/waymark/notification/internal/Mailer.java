package org.waymark.notification.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends one plain-text message to these addresses; without an SMTP host (WAYMARK_SMTP_HOST) it only logs that it would. */
@Component
class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final String host;
    private final String from;
    private final String baseUrl;

    Mailer(ObjectProvider<JavaMailSender> mail, @Value("${spring.mail.host:}") String host,
            @Value("${waymark.mail.from:waymark@localhost}") String from, @Value("${waymark.base-url:}") String baseUrl) {
        this.mail = mail;
        this.host = host;
        this.from = from;
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
    }

    /** The address people use, for links. */
    String link(String path) {
        return baseUrl + path;
    }

    /** What was sent: false when there was nobody to send to, or no SMTP host. */
    boolean send(List<String> to, String subject, String body, String what) {
        if (to.isEmpty()) {
            log.info("No recipients with an e-mail address for {}", what);
            return false;
        }
        var sender = mail.getIfAvailable();
        if (host == null || host.isBlank() || sender == null) {
            log.info("No SMTP host configured (WAYMARK_SMTP_HOST): not sending {} to {} recipients", what, to.size());
            return false;
        }
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(body);
        sender.send(message);
        return true;
    }
}
