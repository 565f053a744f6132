package org.waymark.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.waymark.access.CurrentUser;
import org.waymark.access.OrganisationType;
import org.waymark.access.Role;

class SpecialCategoryFieldsUnitTest {

    private final ReferralStore.Answers answers = new ReferralStore.Answers("Ana", "Example", null, null, 15, "FEMALE", null, null, null, null,
            null, null, "NO", "concern", List.of("MENTAL_HEALTH", "NEURODIVERSITY"), null, null, null, null, "EDUCATION", null, null, "ASIAN",
            "SIKH", "en");

    private static CurrentUser reader(Role role) {
        return new CurrentUser(UUID.randomUUID(), "u", "U", "ORG", OrganisationType.LOCAL_AUTHORITY, "E09000007", Set.of(role),
                CurrentUser.AuthenticationMethod.PASSWORD);
    }

    @Test
    void eachCategoryReachesOnlyTheRolesTheMatrixNames() {
        var fields = new SpecialCategoryFields(List.of(Role.CHANNEL_COORDINATOR), List.of(Role.MANAGER));
        var coordinator = fields.masked(reader(Role.CHANNEL_COORDINATOR), answers);
        assertThat(coordinator.complexNeeds()).containsExactly("MENTAL_HEALTH", "NEURODIVERSITY");
        assertThat(coordinator.ethnicity()).isNull();
        assertThat(coordinator.religion()).isNull();
        var panel = fields.masked(reader(Role.PANEL_MEMBER), answers);
        assertThat(panel.complexNeeds()).containsExactly(SpecialCategoryFields.WITHHELD);
        var manager = fields.masked(reader(Role.MANAGER), answers);
        assertThat(manager.ethnicity()).isEqualTo("ASIAN");
        assertThat(manager.religion()).isEqualTo("SIKH");
        assertThat(manager.complexNeeds()).containsExactly(SpecialCategoryFields.WITHHELD);
        assertThat(manager.concern()).as("nothing else changes").isEqualTo("concern");
    }

    @Test
    void aReaderWhoMayNotSeeHealthDataCannotTellThereIsNone() {
        var none = SpecialCategoryFields.mask(new ReferralStore.Answers("Ana", "Example", null, null, 15, "FEMALE", null, null, null, null,
                null, null, "NO", "concern", List.of(), null, null, null, null, "EDUCATION", null, null, null, null, "en"), false, false);
        assertThat(none.complexNeeds()).containsExactly(SpecialCategoryFields.WITHHELD);
    }
}
