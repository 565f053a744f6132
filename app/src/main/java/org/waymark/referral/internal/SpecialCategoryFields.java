package org.waymark.referral.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.waymark.access.CurrentUser;
import org.waymark.access.Role;

/**
 * Special category data in a referral (UK GDPR Art 9; DPA 2018 s.35(8)): health and neurodiversity (the complex needs),
 * and ethnicity and religion (equality monitoring). Each is shown only to the roles that need it, a configurable
 * matrix ({@code WAYMARK_SPECIAL_CATEGORY_HEALTH_ROLES}, {@code WAYMARK_SPECIAL_CATEGORY_EQUALITY_ROLES}); for everyone
 * else the case's page, its API answer, and every printout made from them say the field is withheld. Equality data
 * is for statistics only, so by default no role working a case sees it.
 */
@Component
class SpecialCategoryFields {

    /** The complex needs a reader who may not see health data gets: one code saying they are withheld. */
    static final String WITHHELD = "WITHHELD";

    private final Set<Role> health;
    private final Set<Role> equality;

    SpecialCategoryFields(@Value("${waymark.special-category.health-roles:}") List<Role> health,
            @Value("${waymark.special-category.equality-roles:}") List<Role> equality) {
        this.health = health.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(health);
        this.equality = equality.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(equality);
    }

    ReferralStore.Answers masked(CurrentUser reader, ReferralStore.Answers a) {
        return mask(a, reader.roles().stream().anyMatch(health::contains), reader.roles().stream().anyMatch(equality::contains));
    }

    static ReferralStore.Answers mask(ReferralStore.Answers a, boolean seesHealth, boolean seesEquality) {
        // Withheld even when there are none: an empty list would tell the reader there are none.
        var needs = seesHealth ? a.complexNeeds() : List.of(WITHHELD);
        return new ReferralStore.Answers(a.forename(), a.surname(), a.aliases(), a.dateOfBirth(), a.age(), a.gender(), a.address(),
                a.postcode(), a.nationality(), a.firstLanguage(), a.schoolOrOccupation(), a.familyDetails(), a.personAware(), a.concern(),
                needs, a.otherSafeguarding(), a.agenciesInvolved(), a.referrerName(), a.referrerOrganisation(), a.referrerSector(),
                a.referrerEmail(), a.referrerPhone(), seesEquality ? a.ethnicity() : null, seesEquality ? a.religion() : null, a.language());
    }
}
