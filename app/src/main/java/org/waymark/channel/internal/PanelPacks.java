package org.waymark.channel.internal;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.access.CurrentUser;
import org.waymark.access.CurrentUsers;
import org.waymark.access.RecordNotFoundException;
import org.waymark.govuk.Printout;
import org.waymark.referral.CasePrintouts;
import org.waymark.web.Words;

/**
 * The panel pack: a meeting's attendees and agenda, then each agenda case's summary as the reader may see it
 * (a panel member's pack holds what a panel member may see), marked OFFICIAL-SENSITIVE on every page.
 */
@RestController
class PanelPacks {

    private final PanelMeetings meetings;
    private final CasePrintouts printouts;
    private final Words words;

    PanelPacks(PanelMeetings meetings, CasePrintouts printouts, Words words) {
        this.meetings = meetings;
        this.printouts = printouts;
        this.words = words;
    }

    @GetMapping({"/panel-meetings/{id}/pack.pdf", "/api/v1/panel-meetings/{id}/pack.pdf"})
    ResponseEntity<byte[]> pack(@PathVariable UUID id) {
        CurrentUser user = CurrentUsers.require();
        var meeting = meetings.read(user, id);
        var doc = Printout.marked(words.of("print.panelPackTitle", words.area(meeting.localAuthority()), words.date(meeting.heldOn())),
                CasePrintouts.MARKING);
        doc.heading(words.of("print.attendees"));
        for (var a : meeting.attendees()) {
            doc.text(a.name() + ", " + words.organisation(a.organisation()) + (a.role() == null ? "" : " (" + a.role() + ")"));
        }
        doc.heading(words.of("print.agenda"));
        int n = 1;
        for (var item : meeting.agenda()) {
            doc.text(n++ + ". " + item.caseReference());
        }
        for (var item : meeting.agenda()) {
            try {
                printouts.append(doc, user, item.caseId());
            } catch (RecordNotFoundException e) {
                doc.gap().text(words.of("print.notShown", item.caseReference()));
            }
        }
        doc.gap().text(words.of("print.printedBy", user.displayName(), words.dateTime(java.time.Instant.now())));
        return Printout.download(doc.pdf(), "panel-pack-" + meeting.heldOn() + ".pdf");
    }
}
