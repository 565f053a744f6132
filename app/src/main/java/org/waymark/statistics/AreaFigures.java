package org.waymark.statistics;

import java.util.List;

/**
 * The anonymised, published figures of one area for a financial year or quarter, for other modules' reports (the
 * programme's area briefing and equality impact assessment): the same tables, with the same small-number
 * suppression, as the statistics pages publish. A count withheld by suppression is null.
 */
public interface AreaFigures {

    /**
     * @param financialYear the year the financial year starts in (this one when null)
     * @param quarter 1 to 4, or null for the whole year
     * @throws org.waymark.govuk.FormErrors.Invalid for a year, quarter or area the statistics do not have
     */
    Figures of(String areaCode, String financialYear, String quarter);

    /** One sector's referrals (suppressed counts null). */
    record Category(String label, Long referrals) {
    }

    /** One group's share of referrals and of adoptions, and whether it stands out (the statistics' equality monitoring). */
    record EqualityLine(String characteristic, String label, Double referredShare, Double adoptedShare, boolean flagged) {
    }

    record Figures(String period, String areaCode, String areaName, Long referrals, Long discussedAtPanel, Long adopted, List<Category> bySector,
            List<EqualityLine> equality) {
    }
}
