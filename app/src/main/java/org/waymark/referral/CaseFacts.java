package org.waymark.referral;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The facts about one case that official statistics count (issue 14, {@code docs/statistics.md}), with no name,
 * address or words of the case: each module that holds part of them fills in its own through {@link CaseFactSource}.
 * Codes are the modules' own enum names (sector {@code EDUCATION}, outcome {@code CHANNEL}); the statistics module
 * maps them to the published categories. {@code null} is unknown or not (yet) happened.
 */
public final class CaseFacts {

    private final UUID caseId;
    private String reference;
    private LocalDate referralDate;
    private String sector;
    private String localAuthority;
    private LocalDate dateOfBirth;
    private Integer ageAtReferral;
    private String gender;
    private String ethnicity;
    private String religion;
    private Boolean mentalHealthOrNeurodiversity;
    private String personKey;
    private String screeningOutcome;
    private LocalDate screeningDate;
    private String typeOfConcern;
    private LocalDate discussedDate;
    private LocalDate adoptedDate;
    private String consent;
    private LocalDate consentDate;
    private LocalDate exitDate;
    private Integer sessionsPlanned;
    private Integer sessionsHeld;

    public CaseFacts(UUID caseId) {
        this.caseId = caseId;
    }

    /** The day, in UK time, an instant falls on: every date here is a UK calendar day. */
    public static LocalDate day(java.time.Instant instant) {
        return LocalDate.ofInstant(instant, java.time.ZoneId.of("Europe/London"));
    }

    /** What the referral says: the case's reference and date, who referred, where, and who it is about. */
    public CaseFacts referral(String reference, LocalDate referralDate, String sector, String localAuthority, String personKey) {
        this.reference = reference;
        this.referralDate = referralDate;
        this.sector = sector;
        this.localAuthority = localAuthority;
        this.personKey = personKey;
        return this;
    }

    /** Religion or belief as the referral recorded it: equality monitoring only. */
    public CaseFacts religion(String religion) {
        this.religion = religion;
        return this;
    }

    /** The person's recorded characteristics: for equality monitoring only, never a reason for a decision. */
    public CaseFacts person(LocalDate dateOfBirth, Integer ageAtReferral, String gender, String ethnicity, Boolean mentalHealthOrNeurodiversity) {
        this.dateOfBirth = dateOfBirth;
        this.ageAtReferral = ageAtReferral;
        this.gender = gender;
        this.ethnicity = ethnicity;
        this.mentalHealthOrNeurodiversity = mentalHealthOrNeurodiversity;
        return this;
    }

    /** The screening decision in force ({@code NO_FURTHER_ACTION, SIGNPOSTED, POLICE_LED, CHANNEL}). */
    public CaseFacts screening(String outcome, LocalDate decidedOn, String typeOfConcern) {
        this.screeningOutcome = outcome;
        this.screeningDate = decidedOn;
        this.typeOfConcern = typeOfConcern;
        return this;
    }

    public CaseFacts panel(LocalDate firstDiscussed, LocalDate adopted, LocalDate exited) {
        this.discussedDate = firstDiscussed;
        this.adoptedDate = adopted;
        this.exitDate = exited;
        return this;
    }

    /** The latest consent decision ({@code GIVEN} or {@code REFUSED}) and its date. */
    public CaseFacts consent(String outcome, LocalDate on) {
        this.consent = outcome;
        this.consentDate = on;
        return this;
    }

    public CaseFacts sessions(int planned, int held) {
        this.sessionsPlanned = planned;
        this.sessionsHeld = held;
        return this;
    }

    public UUID caseId() { return caseId; }
    public String reference() { return reference; }
    public LocalDate referralDate() { return referralDate; }
    public String sector() { return sector; }
    public String localAuthority() { return localAuthority; }
    public LocalDate dateOfBirth() { return dateOfBirth; }
    public Integer ageAtReferral() { return ageAtReferral; }
    public String gender() { return gender; }
    public String ethnicity() { return ethnicity; }
    public String religion() { return religion; }
    public Boolean mentalHealthOrNeurodiversity() { return mentalHealthOrNeurodiversity; }
    public String personKey() { return personKey; }
    public String screeningOutcome() { return screeningOutcome; }
    public LocalDate screeningDate() { return screeningDate; }
    public String typeOfConcern() { return typeOfConcern; }
    public LocalDate discussedDate() { return discussedDate; }
    public LocalDate adoptedDate() { return adoptedDate; }
    public String consent() { return consent; }
    public LocalDate consentDate() { return consentDate; }
    public LocalDate exitDate() { return exitDate; }
    public Integer sessionsPlanned() { return sessionsPlanned; }
    public Integer sessionsHeld() { return sessionsHeld; }
}
