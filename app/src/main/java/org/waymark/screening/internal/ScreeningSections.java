package org.waymark.screening.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.waymark.access.CurrentUser;
import org.waymark.referral.CaseFile;
import org.waymark.referral.CaseSection;
import org.waymark.referral.CaseSections;

/**
 * Screening on the case page: police see the checks, requests, matches and decisions; the local authority's
 * Channel team sees the decisions and information requests (their rationale is what the panel works from);
 * nobody else sees screening at all.
 */
@Component
class ScreeningSections implements CaseSections {

    private final Screening screening;
    private final org.waymark.web.Words words;

    ScreeningSections(Screening screening, org.waymark.web.Words words) {
        this.screening = screening;
        this.words = words;
    }

    @Override
    public List<CaseSection> sectionsFor(CurrentUser user, CaseFile file) {
        boolean police = user.isPolice();
        boolean channelTeam = user.has(org.waymark.access.Role.CHANNEL_COORDINATOR) || user.has(org.waymark.access.Role.CHANNEL_CHAIR);
        if (!police && !channelTeam) {
            return List.of();
        }
        var section = screening.section(user, file);
        return List.of(new CaseSection("screening", "case.section.screening", "screening/fragments :: section", section, printed(section)));
    }

    /** The section as the printed case summary shows it: the same facts as the page, in words. */
    private List<CaseSection.Printed> printed(ScreeningRecords.Section section) {
        var out = new java.util.ArrayList<CaseSection.Printed>();
        for (var d : section.decisions()) {
            String outcome = words.of("outcome." + d.outcome()) + (d.reason() == null ? "" : " (" + words.of("reason." + d.reason()) + ")")
                    + (d.signpostedTo() == null ? "" : ": " + words.of("service." + d.signpostedTo()));
            out.add(new CaseSection.Printed(words.of("print.decision", words.dateTime(d.decidedAt()), d.decidedBy()), outcome));
            out.add(new CaseSection.Printed(words.of("screening.concernType"), words.of("concernType." + d.concernType())));
            out.add(CaseSection.Printed.paragraph(d.rationale()));
            if (d.approval() != null) {
                out.add(new CaseSection.Printed(words.of("print.supervisor", d.approvedBy()),
                        words.of("approval." + d.approval()) + (d.approvalComment() == null ? "" : ": " + d.approvalComment())));
            }
        }
        for (var c : section.checks()) {
            out.add(new CaseSection.Printed(words.of("print.check", c.system()), words.of("result." + c.result())
                    + (c.note() == null ? "" : ": " + c.note())));
        }
        for (var r : section.informationRequests()) {
            out.add(new CaseSection.Printed(words.of("print.request", words.organisation(r.organisation()), words.date(r.dueOn())),
                    r.question() + (r.answer() == null ? "" : " " + words.of("print.answer") + " " + r.answer())));
        }
        for (var m : section.deconflictionMatches()) {
            out.add(new CaseSection.Printed(words.of("print.match", m.operation()), m.clearedAt() == null ? words.of("print.matchOpen")
                    : words.of("print.matchCleared", m.clearedBy(), words.dateTime(m.clearedAt())) + (m.clearedReason() == null ? "" : ": " + m.clearedReason())));
        }
        return out;
    }
}
