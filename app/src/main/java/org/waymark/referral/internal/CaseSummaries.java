package org.waymark.referral.internal;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.access.CurrentUser;
import org.waymark.govuk.Printout;
import org.waymark.referral.CasePrintouts;
import org.waymark.web.Words;

/** The case summary printout: the case page's facts, section by section, in words. */
@Service
class CaseSummaries implements CasePrintouts {

    private final CaseViews views;
    private final Words words;

    CaseSummaries(CaseViews views, Words words) {
        this.views = views;
        this.words = words;
    }

    @Override
    @Transactional
    public byte[] summary(CurrentUser user, UUID caseId) {
        var view = views.view(user, caseId, "case.printed");
        var document = Printout.marked(words.of("print.caseTitle", view.reference()), MARKING);
        write(document, view, user, false);
        return document.pdf();
    }

    @Override
    @Transactional
    public void append(Printout document, CurrentUser user, UUID caseId) {
        write(document, views.view(user, caseId, "case.printed"), user, true);
    }

    private void write(Printout doc, CaseViews.CaseView view, CurrentUser user, boolean part) {
        if (part) {
            doc.gap().heading(words.of("print.caseTitle", view.reference()));
        }
        doc.field(words.of("case.stageLabel"), words.of("stage." + view.stage()));
        doc.field(words.of("case.areaLabel"), view.localAuthorityName());
        doc.field(words.of("case.receivedLabel"), words.dateTime(view.receivedAt()));
        doc.field(words.of("case.via"), words.of("via." + view.receivedVia()));
        if (view.withheld()) {
            doc.text(words.of("case.withheld"));
        }
        if (view.referral() != null) {
            referral(doc, view.referral());
        }
        history(doc, view);
        if (!part) {
            doc.gap().text(words.of("print.printedBy", user.displayName(), words.dateTime(java.time.Instant.now())));
        }
    }

    private void referral(Printout doc, ReferralStore.Answers r) {
        doc.heading(words.of("case.referral"));
        doc.field(words.of("case.person"), join(r.forename(), r.surname()));
        doc.field(words.of("case.aliases"), r.aliases());
        doc.field(words.of("case.born"), words.date(r.dateOfBirth()));
        doc.field(words.of("case.age"), r.age());
        doc.field(words.of("case.gender"), r.gender() == null ? null : words.of("gender." + r.gender()));
        doc.field(words.of("case.address"), r.address());
        doc.field(words.of("case.postcode"), r.postcode());
        doc.field(words.of("case.nationality"), r.nationality());
        doc.field(words.of("case.firstLanguage"), r.firstLanguage());
        doc.field(words.of("case.schoolOrOccupation"), r.schoolOrOccupation());
        doc.field(words.of("case.familyDetails"), r.familyDetails());
        doc.field(words.of("case.personAware"), r.personAware() == null ? null : words.of("aware." + r.personAware()));
        doc.field(words.of("case.complexNeeds"), String.join(", ", r.complexNeeds().stream().map(n -> words.of("need." + n)).toList()));
        doc.field(words.of("case.otherSafeguarding"), r.otherSafeguarding());
        doc.field(words.of("case.agenciesInvolved"), r.agenciesInvolved());
        doc.field(words.of("case.referrer"), String.join(", ", java.util.stream.Stream.of(r.referrerName(), r.referrerOrganisation(),
                r.referrerSector() == null ? null : words.of("sector." + r.referrerSector()), r.referrerEmail(), r.referrerPhone())
                .filter(v -> v != null && !v.isBlank()).toList()));
        doc.field(words.of("case.concern"), "").text(r.concern());
    }

    /** What happened to the case: other referrals, further concerns, each module's section, the timeline and disclosures. */
    private void history(Printout doc, CaseViews.CaseView view) {
        if (!view.otherCases().isEmpty()) {
            doc.heading(words.of("case.others.heading"));
            for (var o : view.otherCases()) {
                doc.field(o.reference(), words.of("stage." + o.stage()) + ", " + words.dateTime(o.receivedAt()) + ", "
                        + words.area(o.localAuthority()) + (o.concernSummary() == null ? "" : ": " + o.concernSummary()));
            }
        }
        for (var f : view.furtherConcerns()) {
            doc.heading(words.of("case.further.title", f.reference(), words.dateTime(f.receivedAt()))).text(f.concern());
        }
        for (var section : view.sectionList()) {
            if (section.printed().isEmpty()) {
                continue;
            }
            doc.heading(words.of(section.titleKey()));
            for (var line : section.printed()) {
                if (line.label() == null) {
                    doc.text(line.text());
                } else {
                    doc.field(line.label(), line.text());
                }
            }
        }
        if (!view.timeline().isEmpty()) {
            doc.heading(words.of("case.timeline"));
            for (var m : view.timeline()) {
                doc.field(words.dateTime(m.occurredAt()), words.of("milestone." + m.kind()) + (m.actor() == null ? "" : " (" + m.actor() + ")"));
            }
        }
        if (!view.disclosures().isEmpty()) {
            doc.heading(words.of("case.disclosures"));
            for (var d : view.disclosures()) {
                doc.field(words.dateTime(d.disclosedAt()), words.of("print.disclosure", words.organisation(d.recipient()), d.what(), d.disclosedBy()));
            }
        }
    }

    private static String join(String... parts) {
        return String.join(" ", java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
    }
}
