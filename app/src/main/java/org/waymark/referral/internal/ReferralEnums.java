package org.waymark.referral.internal;

import java.util.Locale;

/** The closed lists a referral's answers come from (docs/domain.md §3 and §4). */
final class ReferralEnums {

    private ReferralEnums() {
    }

    enum Gender { MALE, FEMALE, OTHER, NOT_KNOWN }

    /** The Home Office statistics' sectors of referral. */
    enum Sector { EDUCATION, POLICE, LOCAL_AUTHORITY, HEALTH, PRISONS, PROBATION, COMMUNITY, FRIENDS_AND_FAMILY, OTHER }

    enum PersonAware { YES, NO, NOT_KNOWN }

    enum ComplexNeed { SPECIAL_EDUCATIONAL_NEEDS, DISABILITY, MENTAL_HEALTH, NEURODIVERSITY }

    /** ONS harmonised ethnic groups (top level): equality monitoring only, never an indicator. */
    enum Ethnicity { ASIAN, BLACK, MIXED, WHITE, OTHER, NOT_STATED }

    /** Census religion question: equality monitoring only, never an indicator. */
    enum Religion { NO_RELIGION, BUDDHIST, CHRISTIAN, HINDU, JEWISH, MUSLIM, SIKH, OTHER, NOT_STATED }

    enum LinkedCategory { FAMILY_MEMBER, THIRD_PARTY }
}
