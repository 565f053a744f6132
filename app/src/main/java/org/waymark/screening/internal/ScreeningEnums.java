package org.waymark.screening.internal;

import java.util.Locale;

/** The closed lists of screening. Types of concern follow the Home Office's 2023/24 statistics. */
final class ScreeningEnums {

    private ScreeningEnums() {
    }

    enum CheckResult { NO_TRACE, TRACE_FOUND, NOT_AVAILABLE }

    enum Outcome { NO_FURTHER_ACTION, SIGNPOSTED, POLICE_LED, CHANNEL }

    enum NoFurtherActionReason { INNOCENT_REMARK_OUT_OF_CONTEXT, NO_RADICALISATION_ELEMENT, ALREADY_MANAGED_ELSEWHERE,
        MISTAKEN_OR_MALICIOUS, INSUFFICIENT_INFORMATION, OTHER }

    enum Service { CHILDRENS_SOCIAL_CARE, ADULT_SOCIAL_CARE, MASH, MENTAL_HEALTH, EDUCATION_SUPPORT, YOUTH_SERVICES, HOUSING, OTHER }

    enum ConcernType { ISLAMIST, EXTREME_RIGHT_WING, LEFT_WING_ANARCHIST_OR_SINGLE_ISSUE, CONFLICTED, VULNERABILITY_NO_IDEOLOGY,
        NO_RISK_VULNERABILITY_OR_IDEOLOGY, FASCINATION_WITH_EXTREME_VIOLENCE, INCEL, OTHER }

    enum Approval { APPROVED, RETURNED }
}
