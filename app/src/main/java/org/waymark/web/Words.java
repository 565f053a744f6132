package org.waymark.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.waymark.access.Geography;
import org.waymark.access.Organisation;
import org.waymark.govuk.DisplayDates;

/**
 * The service's words, not codes, in Java (printouts, e-mails) and in templates as {@code @words}: a message by its code, a date as pages show it,
 * an organisation's name for its code. A code with no message is shown as it is, so nothing silently vanishes.
 */
@Component("words")
public class Words {

    private final MessageSource messages;
    private final Geography geography;
    private final DisplayDates dates = new DisplayDates();

    Words(MessageSource messages, Geography geography) {
        this.messages = messages;
        this.geography = geography;
    }

    public String of(String code, Object... args) {
        return messages.getMessage(code, args, code, Locale.UK);
    }

    public String date(LocalDate date) {
        return dates.date(date);
    }

    public String dateTime(Instant instant) {
        return dates.dateTime(instant);
    }

    public String organisation(String code) {
        return code == null ? "" : geography.organisation(code).map(Organisation::name).orElse(code);
    }

    public String area(String code) {
        return code == null ? "" : geography.area(code).map(a -> a.name()).orElse(code);
    }
}
