package org.waymark.screening.internal;

import org.waymark.access.Role;
import org.waymark.referral.CaseStage;

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

    private final ScreeningStore store;
    private final RegisterStore register;
    private final org.waymark.requests.CaseRequests requests;
    private final org.waymark.web.Words words;

    ScreeningSections(ScreeningStore store, RegisterStore register, org.waymark.requests.CaseRequests requests, org.waymark.web.Words words) {
        this.store = store;
        this.register = register;
        this.requests = requests;
        this.words = words;
    }

    @Override
    public List<CaseSection> sectionsFor(CurrentUser user, CaseFile file) {
        boolean police = user.isPolice();
        boolean channelTeam = user.has(org.waymark.access.Role.CHANNEL_COORDINATOR) || user.has(org.waymark.access.Role.CHANNEL_CHAIR);
        if (!police && !channelTeam) {
            return List.of();
        }
        var section = section(user, file);
        return List.of(new CaseSection("screening", "case.section.screening", "screening/fragments :: section", section, printed(section)));
    }

    /** {@code file}: a case the reader has been allowed to read. Partners' Channel teams see decisions and requests only. */
    private ScreeningRecords.Section section(CurrentUser user, CaseFile file) {
        boolean police = user.isPolice();
        var actions = new java.util.ArrayList<String>();
        if (police && user.has(Role.GATEWAY_OFFICER) && file.stage() == CaseStage.SCREENING) {
            actions.addAll(List.of("check", "decide", "request"));
        }
        if (police && user.has(Role.MANAGER) && file.stage() == CaseStage.AWAITING_APPROVAL) {
            actions.add("approve");
        }
        if (police && user.has(Role.MANAGER) && file.withheld()) {
            actions.add("clear");
        }
        var asked = requests.ofCase(file.id());
        if (!police) {
            return new ScreeningRecords.Section(List.of(), asked, store.decisions(file.id()), List.of(), List.of());
        }
        return new ScreeningRecords.Section(store.checks(file.id()), asked, store.decisions(file.id()), register.matches(file.id()),
                List.copyOf(actions));
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
