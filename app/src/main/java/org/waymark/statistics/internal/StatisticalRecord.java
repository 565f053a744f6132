package org.waymark.statistics.internal;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One referral as statistics count it: categories, dates and counts, no personal data. {@code caseId} is the live
 * case it is kept from (null when imported); {@code personKey} tells repeat referrals of one person apart.
 */
record StatisticalRecord(String reference, UUID caseId, boolean imported, LocalDate referralDate, String sector, String localAuthority,
        String forceArea, String ctpRegion, Integer age, String gender, String ethnicity, String religion, Boolean mentalHealth, String typeOfConcern,
        String screeningOutcome, LocalDate screeningDate, LocalDate discussedDate, LocalDate adoptedDate, String consent,
        LocalDate consentDate, LocalDate exitDate, Integer sessionsPlanned, Integer sessionsHeld, String personKey) {

    int financialYear() {
        return FinancialPeriod.yearOf(referralDate);
    }

    int quarter() {
        return FinancialPeriod.quarterOf(referralDate);
    }

    String ageGroup() {
        return AgeGroups.group(age);
    }

    String concernList() {
        return Categories.concernsFor(financialYear()).name();
    }
}
