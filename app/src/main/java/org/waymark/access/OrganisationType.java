package org.waymark.access;

/** Kinds of organisation that take part in Prevent (docs/domain.md §2). */
public enum OrganisationType {
    POLICE_FORCE,
    CTP_REGION_UNIT,
    LOCAL_AUTHORITY,
    SCHOOL_OR_COLLEGE,
    UNIVERSITY,
    NHS_BODY,
    PRISON,
    PROBATION,
    YOUTH_OFFENDING_TEAM,
    INTERVENTION_PROVIDER,
    INTERNET_REFERRAL_UNIT,
    HOME_OFFICE,
    OTHER;

    /** The Home Office sees across every area (national oversight); every other organisation sees its own. */
    public boolean hasNationalScope() {
        return this == HOME_OFFICE;
    }
}
