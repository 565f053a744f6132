package org.waymark.retention.internal;

import java.time.Duration;
import java.util.List;

/**
 * The record of processing activities (DPA 2018 s.61; UK GDPR Art 30 for the councils' part), generated from the
 * service's configuration, so the retention periods, deadlines and time limits it states are the ones in force.
 * A plain type: the page and the API show what {@link #of} builds.
 */
record ProcessingRecord(String controllerNote, List<Activity> activities, List<String> safeguards) {

    /** One processing activity: why, about whom, what, to whom, for how long, and on what legal basis. */
    record Activity(String name, String purpose, List<String> dataSubjects, List<String> categories, List<String> recipients,
            String retention, String legalBasis) {
    }

    static ProcessingRecord of(RetentionSettings retention, SubjectAccessSettings subjectAccess, Duration breakGlass, Duration draftRetention) {
        var police = "DPA 2018 Part 3 (law enforcement processing by a competent authority): s.35 lawful and fair, with the sensitive "
                + "processing conditions of Schedule 8 (statutory purposes, safeguarding of children and individuals at risk)";
        var councils = "UK GDPR Art 6(1)(e) (a task in the public interest: the Prevent duty, Counter-Terrorism and Security Act 2015 "
                + "s.26, and Channel, s.36) and Art 9(2)(g) with DPA 2018 Schedule 1 paras 6 and 18 (statutory purposes; safeguarding)";
        return new ProcessingRecord(
                "Controllers: each police force for gateway screening, deconfliction and police-led cases; each local authority for its "
                        + "Channel panel; the Home Office for the internet referral unit's workbench and national statistics. Waymark is "
                        + "their shared processor; this record is generated from its configuration.",
                List.of(
                        new Activity("Referral intake", "Receive concerns that a person may be drawn into terrorism",
                                List.of("people referred", "referrers", "family members and other people named in a referral"),
                                List.of("name, date of birth, address, contact details", "the concern in the referrer's words",
                                        "special category: health and neurodiversity, religion or belief, ethnicity (equality monitoring only)"),
                                List.of("the police force covering the person's area (gateway)"),
                                "as the case it opens; unfinished drafts deleted after " + draftRetention.toDays() + " days untouched", police),
                        new Activity("Gateway screening and deconfliction", "Decide whether a referral needs Prevent support and that it "
                                + "does not conflict with a live investigation",
                                List.of("people referred"), List.of("screening checks and outcomes", "deconfliction matches (police only)",
                                        "criminal offence data held by police systems"),
                                List.of("Channel panels of the local authority, when referred to Channel", "partners answering information requests"),
                                "no further action: " + retention.noFurtherAction() + " after the decision; signposted: " + retention.signposted()
                                        + "; police-led: " + retention.policeLed() + " after the last review; then the DPO's review", police),
                        new Activity("Channel panels and support", "Agree and deliver voluntary multi-agency support",
                                List.of("people referred", "parents and carers giving consent", "panel members", "intervention providers"),
                                List.of("vulnerability assessments", "panel discussions and decisions", "consent", "support plans and sessions"),
                                List.of("panel member organisations (education, health, social care, police)", "the intervention provider"),
                                retention.channel() + " after the last post-exit review, then the DPO's review", councils),
                        new Activity("Oversight statistics", "Publish and monitor volumes, timeliness and equality",
                                List.of("people referred (anonymised)"), List.of("categories and dates only: no name, date of birth, address or words"),
                                List.of("Home Office, boards and inspectors (disclosure-controlled counts)"),
                                "kept as anonymised records after the case is erased", councils),
                        new Activity("Data protection", "Answer subject access requests, restrict processing, review retention",
                                List.of("data subjects who ask"), List.of("the request, its deadline and exemptions", "the disclosure pack"),
                                List.of("the data subject"),
                                "requests answered within " + subjectAccess.period() + " (extendable by up to " + subjectAccess.maxExtension()
                                        + "); erased with the person", police + "; " + councils)),
                List.of("Every read of personal data and every refused attempt is in a tamper-evident audit trail",
                        "Access is decided per record by role, organisation and area; a record a reader may not see answers as missing",
                        "Break-glass read access lasts " + breakGlass.toHours() + " hours, needs a reason and the second factor, "
                                + "alerts the DPOs at once and waits for their review",
                        "Processing of a case can be restricted (DPA 2018 ss.46-47): nobody but the DPO sees it",
                        "Erasure removes the case from every module and the embedded database's file"));
    }
}
