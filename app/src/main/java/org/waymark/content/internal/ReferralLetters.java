package org.waymark.content.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.waymark.content.internal.ContentEnums.TcoReason;
import org.waymark.content.internal.ContentRecords.Referral;
import org.waymark.govuk.DisplayDates;

/**
 * The referral as the platform receives it, carrying what Annex I of Regulation (EU) 2021/784 asks of a
 * removal order: issuing authority and reference, time of issue, the exact URL and further information,
 * the grounds, the contact point and the means of redress. As JSON for systems and as a PDF letter.
 */
@Component
class ReferralLetters {

    record Letter(String reference, Instant issuedAt, String issuingAuthority, String contactPoint, Platform platform, Content content,
            Grounds grounds, String reasons, String furtherInformation, String ideology, String organisation, String redress) {
    }

    record Platform(String code, String name, String contactPoint) {
    }

    record Content(String itemReference, String url, String canonicalUrl, List<CapturedFile> capturedFiles) {
    }

    record CapturedFile(String fileType, String sha256, String md5, String pdq) {
    }

    record Grounds(boolean terrorismAct2006Section3, List<Reason> tcoArticle2_7) {
    }

    record Reason(String code, String point, String text) {
    }

    private final ContentStore store;
    private final ContentReferenceData reference;
    private final ContentProperties properties;
    private final MessageSource messages;
    private final DisplayDates dates;
    private final ContactPoint contactPoint;

    ReferralLetters(ContentStore store, ContentReferenceData reference, ContentProperties properties, MessageSource messages,
            DisplayDates dates, ContactPoint contactPoint) {
        this.contactPoint = contactPoint;
        this.store = store;
        this.reference = reference;
        this.properties = properties;
        this.messages = messages;
        this.dates = dates;
    }

    Letter letter(Referral referral) {
        var item = store.item(referral.itemId()).orElseThrow();
        var assessment = store.assessment(referral.assessmentId()).orElseThrow();
        var platform = reference.platform(referral.platformCode());
        var files = store.captures(item.id()).stream()
                .map(c -> new CapturedFile(c.fileType().name(), c.sha256(), c.md5(), c.pdqHash())).toList();
        var reasons = new ArrayList<Reason>();
        for (TcoReason r : assessment.tcoReasons()) {
            reasons.add(new Reason(r.name(), "(" + (char) ('a' + r.ordinal()) + ")", text("content.tco." + r.name())));
        }
        return new Letter(referral.reference(), referral.issuedAt(), properties.issuingAuthority(),
                contactPoint.value().orElse(properties.contactPoint()),
                new Platform(platform.code(), platform.name(), platform.contactPoint()),
                new Content(item.reference(), item.url(), item.canonicalUrl(), files),
                new Grounds(assessment.tactSection3(), reasons), assessment.rationale(), assessment.furtherInformation(),
                assessment.ideology() == null ? null : text("content.ideology." + assessment.ideology().name()),
                reference.organisation(assessment.organisationCode()).map(ContentReferenceData.TerroristOrganisation::name).orElse(null),
                properties.redress());
    }

    private String text(String code) {
        return messages.getMessage(code, null, code, java.util.Locale.UK);
    }

    byte[] pdf(Letter letter) {
        var doc = org.waymark.govuk.Printout.unmarked("Referral of terrorist content for removal");
        doc.text(letter.issuingAuthority()).gap();
        doc.field("To", letter.platform().name() + " (" + letter.platform().contactPoint() + ")");
        doc.field("Reference", letter.reference());
        doc.field("Time of issue", dates.dateTime(letter.issuedAt()) + " UK time (" + letter.issuedAt() + ")");
        doc.heading("Content to be removed or disabled");
        doc.field("URL", letter.content().url());
        if (!letter.content().url().equals(letter.content().canonicalUrl())) {
            doc.field("Canonical URL", letter.content().canonicalUrl());
        }
        doc.field("Our item", letter.content().itemReference());
        for (var f : letter.content().capturedFiles()) {
            doc.field("Captured " + f.fileType().toLowerCase(), "SHA-256 " + f.sha256() + ", MD5 " + f.md5()
                    + (f.pdq() == null ? "" : ", PDQ " + f.pdq()));
        }
        doc.heading("Grounds");
        if (letter.grounds().terrorismAct2006Section3()) {
            doc.text("Unlawfully terrorism-related material within section 3 of the Terrorism Act 2006.");
        }
        for (var r : letter.grounds().tcoArticle2_7()) {
            doc.text("Regulation (EU) 2021/784 Article 2(7)" + r.point() + ": " + r.text());
        }
        doc.field("Ideology", letter.ideology());
        doc.field("Organisation", letter.organisation());
        doc.heading("Reasons").text(letter.reasons());
        if (letter.furtherInformation() != null) {
            doc.heading("Further information").text(letter.furtherInformation());
        }
        doc.heading("Contact point").text(letter.issuingAuthority() + ": " + letter.contactPoint());
        doc.heading("Redress").text(letter.redress());
        return doc.pdf();
    }
}
