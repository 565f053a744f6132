package org.waymark.content.internal;

import java.time.Duration;

import org.springframework.stereotype.Component;

/** Formatting the content pages need, as {@code @contentFormat} in templates. */
@Component("contentFormat")
class ContentFormat {

    private final ContentReferenceData reference;

    ContentFormat(ContentReferenceData reference) {
        this.reference = reference;
    }

    /** A proscribed organisation's name for its code, as the assessment chose it. */
    public String organisation(String code) {
        return code == null ? "" : reference.organisation(code).map(ContentReferenceData.TerroristOrganisation::name).orElse(code);
    }

    /** "2 days 4 hours", "3 hours 20 minutes", "12 minutes"; a dash for none. */
    public String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return plural(days, "day") + (hours > 0 ? " " + plural(hours, "hour") : "");
        }
        if (hours > 0) {
            return plural(hours, "hour") + (minutes > 0 ? " " + plural(minutes, "minute") : "");
        }
        return minutes > 0 ? plural(minutes, "minute") : "under a minute";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KB", bytes / 1024.0);
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }

    /** GOV.UK tag colours: waiting blue, needing action yellow, done green, refused red. */
    public String tagClass(Object status) {
        return switch (String.valueOf(status)) {
            case "AWAITING_ASSESSMENT" -> "govuk-tag--blue";
            case "AWAITING_APPROVAL" -> "govuk-tag--yellow";
            case "REFERRED" -> "govuk-tag--purple";
            case "REMOVED", "GEO_BLOCKED" -> "govuk-tag--green";
            case "DECLINED", "NO_RESPONSE" -> "govuk-tag--red";
            // A bulk intake line's file: waiting, known content found, hashed clean, or not hashed (with why).
            case "PENDING", "HASHING" -> "govuk-tag--light-blue";
            case "MATCHED" -> "govuk-tag--red";
            case "DONE" -> "govuk-tag--green";
            case "FAILED" -> "govuk-tag--orange";
            default -> "govuk-tag--grey";
        };
    }
}
