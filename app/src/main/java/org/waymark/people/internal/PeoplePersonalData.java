package org.waymark.people.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.referral.PersonalData;

/** What record linkage holds about a person: each referral's identity as compared, and the decisions and merges about them. */
@Repository
class PeoplePersonalData implements PersonalData {

    private final JdbcClient jdbc;

    PeoplePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String holder() {
        return "people";
    }

    @Override
    public List<Held> export(UUID personId, Collection<UUID> caseIds) {
        var out = new ArrayList<Held>();
        out.addAll(PersonalData.rows(jdbc, "person_linkage_record", "case_id", "select case_id, person_id, forename, surname, date_of_birth, "
                + "postcode from person_linkage_record where case_id = any(?) order by case_id", caseIds));
        var person = List.of(personId);
        out.addAll(PersonalData.rows(jdbc, "person_match_decision", "person_a,person_b", "select * from person_match_decision "
                + "where person_a = any(?) or person_b = any(?) order by decided_at", person));
        out.addAll(PersonalData.rows(jdbc, "person_merge", "id", "select * from person_merge where survivor_id = any(?) or merged_id = any(?) "
                + "order by merged_at", person));
        return out;
    }

    @Override
    public void erase(Erasure erasure) {
        PersonalData.change(jdbc, "delete from person_block_key where case_id = any(?)", erasure.caseIds());
        PersonalData.change(jdbc, "delete from person_linkage_record where case_id = any(?)", erasure.caseIds());
        if (erasure.wholePerson()) {
            var people = erasure.personIds();
            PersonalData.change(jdbc, "delete from person_match_decision where person_a = any(?) or person_b = any(?)", people);
            PersonalData.change(jdbc, "delete from person_merge where survivor_id = any(?) or merged_id = any(?)", people);
        }
    }
}
