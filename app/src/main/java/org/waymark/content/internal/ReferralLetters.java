package org.waymark.content.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
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

    ReferralLetters(ContentStore store, ContentReferenceData reference, ContentProperties properties, MessageSource messages,
            DisplayDates dates) {
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
        return new Letter(referral.reference(), referral.issuedAt(), properties.issuingAuthority(), properties.contactPoint(),
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
        var lines = new ArrayList<String[]>();
        lines.add(new String[] {"title", "Referral of terrorist content for removal"});
        lines.add(new String[] {"text", letter.issuingAuthority()});
        lines.add(new String[] {"gap", ""});
        field(lines, "To", letter.platform().name() + " (" + letter.platform().contactPoint() + ")");
        field(lines, "Reference", letter.reference());
        field(lines, "Time of issue", dates.dateTime(letter.issuedAt()) + " UK time (" + letter.issuedAt() + ")");
        lines.add(new String[] {"heading", "Content to be removed or disabled"});
        field(lines, "URL", letter.content().url());
        if (!letter.content().url().equals(letter.content().canonicalUrl())) {
            field(lines, "Canonical URL", letter.content().canonicalUrl());
        }
        field(lines, "Our item", letter.content().itemReference());
        for (var f : letter.content().capturedFiles()) {
            field(lines, "Captured " + f.fileType().toLowerCase(), "SHA-256 " + f.sha256() + ", MD5 " + f.md5()
                    + (f.pdq() == null ? "" : ", PDQ " + f.pdq()));
        }
        lines.add(new String[] {"heading", "Grounds"});
        if (letter.grounds().terrorismAct2006Section3()) {
            lines.add(new String[] {"text", "Unlawfully terrorism-related material within section 3 of the Terrorism Act 2006."});
        }
        for (var r : letter.grounds().tcoArticle2_7()) {
            lines.add(new String[] {"text", "Regulation (EU) 2021/784 Article 2(7)" + r.point() + ": " + r.text()});
        }
        if (letter.ideology() != null) {
            field(lines, "Ideology", letter.ideology());
        }
        if (letter.organisation() != null) {
            field(lines, "Organisation", letter.organisation());
        }
        lines.add(new String[] {"heading", "Reasons"});
        lines.add(new String[] {"text", letter.reasons()});
        if (letter.furtherInformation() != null) {
            lines.add(new String[] {"heading", "Further information"});
            lines.add(new String[] {"text", letter.furtherInformation()});
        }
        lines.add(new String[] {"heading", "Contact point"});
        lines.add(new String[] {"text", letter.issuingAuthority() + ": " + letter.contactPoint()});
        lines.add(new String[] {"heading", "Redress"});
        lines.add(new String[] {"text", letter.redress()});
        return render(lines, letter.reference());
    }

    private static void field(List<String[]> lines, String label, String value) {
        lines.add(new String[] {"field", label + ": " + value});
    }

    /** Lays out headings and wrapped paragraphs on A4 pages in Helvetica. */
    private static byte[] render(List<String[]> lines, String reference) {
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            var regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            float margin = 56;
            float width = PDRectangle.A4.getWidth() - 2 * margin;
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            var stream = new PDPageContentStream(document, page);
            float y = PDRectangle.A4.getHeight() - margin;
            for (String[] line : lines) {
                String kind = line[0];
                var font = kind.equals("title") || kind.equals("heading") ? bold : regular;
                float size = kind.equals("title") ? 16 : kind.equals("heading") ? 12 : 10;
                float leading = size * 1.4f;
                if (kind.equals("heading") || kind.equals("gap")) {
                    y -= 8;
                }
                for (String wrapped : wrap(winAnsi(line[1]), font, size, width)) {
                    if (y < margin + leading) {
                        stream.close();
                        page = new PDPage(PDRectangle.A4);
                        document.addPage(page);
                        stream = new PDPageContentStream(document, page);
                        y = PDRectangle.A4.getHeight() - margin;
                    }
                    stream.beginText();
                    stream.setFont(font, size);
                    stream.newLineAtOffset(margin, y);
                    stream.showText(wrapped);
                    stream.endText();
                    y -= leading;
                }
            }
            stream.close();
            document.getDocumentInformation().setTitle("Referral " + reference);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The standard fonts encode WinAnsi only: anything else becomes '?' rather than failing the letter. */
    static String winAnsi(String text) {
        var out = new StringBuilder();
        var encoder = java.nio.charset.Charset.forName("windows-1252").newEncoder();
        for (char c : (text == null ? "" : text).replaceAll("[\\r\\n\\t]+", " ").toCharArray()) {
            out.append(encoder.canEncode(c) && c >= 0x20 ? c : '?');
        }
        return out.toString();
    }

    private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (String word : text.split(" ")) {
            // A word longer than the line (a long URL or hash) is broken where it must be.
            while (font.getStringWidth(word) / 1000 * size > width) {
                int cut = word.length() - 1;
                while (cut > 1 && font.getStringWidth(word.substring(0, cut)) / 1000 * size > width) {
                    cut--;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
