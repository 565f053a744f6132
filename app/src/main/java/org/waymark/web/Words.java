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

    /** The message families a stored code may belong to, tried in this order when a detail is shown. */
    private static final java.util.List<String> CODE_FAMILIES = java.util.List.of("outcome.", "decision.", "route.", "review.",
            "intervention.", "stage.", "via.", "linked.", "consent.", "session.", "stalled.", "fact.");

    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_-]*[A-Z0-9]");

    /**
     * A detail recorded beside a milestone, as a page should show it: a stored code ("CHANNEL", "POLICE_LED",
     * "IDEOLOGICAL_MENTORING") in its words, an organisation code ("LA-E09000007") as the organisation's name,
     * an area code as the area's name; anything else as it was written.
     */
    public String detail(String detail) {
        if (detail == null) {
            return null;
        }
        var matcher = TOKEN.matcher(detail);
        var out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(wordFor(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String wordFor(String token) {
        var organisation = geography.organisation(token);
        if (organisation.isPresent()) {
            return organisation.get().name();
        }
        var area = geography.area(token);
        if (area.isPresent()) {
            return area.get().name();
        }
        for (String family : CODE_FAMILIES) {
            String found = messages.getMessage(family + token, null, null, Locale.UK);
            if (found != null) {
                return found;
            }
        }
        return token;
    }

    public String area(String code) {
        return code == null ? "" : geography.area(code).map(a -> a.name()).orElse(code);
    }
}
