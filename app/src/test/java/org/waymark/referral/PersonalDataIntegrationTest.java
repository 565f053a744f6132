package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waymark.support.IntegrationTest;

/**
 * Every casework module answers, through {@link PersonalData}, for what it holds about a person: a case taken to
 * support is found in each, and another person's case in none.
 */
class PersonalDataIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    List<PersonalData> holders;

    @Autowired
    Cases cases;

    @Test
    void eachModuleExportsWhatItHoldsAboutThePersonAndNothingOfAnyoneElse() {
        var people = new CaseFixtures(context, baseUrl());
        var mine = people.inSupport("Ola", "Exported-" + people.suffix);
        var theirs = people.inSupport("Ola", "Other-" + people.suffix);
        var file = cases.findUnchecked(UUID.fromString(mine.caseId())).orElseThrow();

        Map<String, List<PersonalData.Held>> byHolder = holders.stream()
                .collect(Collectors.toMap(PersonalData::holder, h -> h.export(file.personId(), List.of(file.id()))));

        assertThat(byHolder.keySet()).containsExactlyInAnyOrder("referral", "screening", "requests", "assessment", "channel", "people", "statistics", "retention");
        assertThat(byHolder.get("statistics")).as("the anonymised statistical record is about no one").isEmpty();
        assertThat(kinds(byHolder.get("referral"))).contains("person", "prevent_case", "referral", "case_milestone", "case_disclosure");
        assertThat(kinds(byHolder.get("screening"))).contains("screening_decision");
        assertThat(kinds(byHolder.get("assessment"))).contains("assessment", "assessment_factor");
        assertThat(kinds(byHolder.get("channel"))).contains("panel_agenda_item", "consent_record", "intervention");
        assertThat(kinds(byHolder.get("people"))).contains("person_linkage_record");
        assertThat(byHolder.get("referral")).filteredOn(h -> h.kind().equals("referral")).singleElement()
                .satisfies(h -> assertThat(h.fields()).containsEntry("surname", "Exported-" + people.suffix));
        assertThat(byHolder.get("channel")).filteredOn(h -> h.kind().equals("intervention")).singleElement()
                .satisfies(h -> assertThat(h.id()).isEqualTo(mine.interventionId()));

        String other = theirs.caseId();
        String everything = byHolder.values().stream().flatMap(List::stream).map(h -> h.id() + " " + h.fields()).collect(Collectors.joining("\n"));
        assertThat(everything).doesNotContain(other).doesNotContain("Other-" + people.suffix).doesNotContain(theirs.interventionId());
    }

    private static Set<String> kinds(List<PersonalData.Held> held) {
        return held.stream().map(PersonalData.Held::kind).collect(Collectors.toSet());
    }
}
