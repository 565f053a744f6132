package org.waymark.referral.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.referral.PersonalData;

/**
 * What the case file holds about a person: the person, each case, the referral as given, documents (their details;
 * the files themselves are read from the case), linked people, the timeline and the record of disclosures.
 */
@Repository
class ReferralPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    ReferralPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String holder() {
        return "referral";
    }

    @Override
    public List<Held> export(UUID personId, Collection<UUID> caseIds) {
        var out = new ArrayList<Held>();
        out.addAll(PersonalData.rows(jdbc, "person", "id", "select id, forename, surname, date_of_birth, created_at, merged_into from person "
                + "where id = any(?)", List.of(personId)));
        out.addAll(PersonalData.rows(jdbc, "prevent_case", "id", "select * from prevent_case where id = any(?) order by received_at", caseIds));
        out.addAll(PersonalData.rows(jdbc, "referral", "case_id", "select * from referral where case_id = any(?) order by case_id", caseIds));
        out.addAll(PersonalData.rows(jdbc, "referral_idempotency", "idem_key", "select * from referral_idempotency where case_id = any(?) "
                + "order by created_at", caseIds));
        out.addAll(PersonalData.rows(jdbc, "case_document", "id", "select id, case_id, file_name, media_type, size_bytes, sha256, uploaded_by, "
                + "uploaded_at from case_document where case_id = any(?) order by uploaded_at", caseIds));
        out.addAll(PersonalData.rows(jdbc, "linked_person", "id", "select * from linked_person where case_id = any(?) order by added_at", caseIds));
        out.addAll(PersonalData.rows(jdbc, "case_milestone", "id", "select * from case_milestone where case_id = any(?) order by id", caseIds));
        out.addAll(PersonalData.rows(jdbc, "case_disclosure", "id", "select * from case_disclosure where case_id = any(?) order by id", caseIds));
        out.addAll(PersonalData.rows(jdbc, "referral_rectification", "id", "select * from referral_rectification where case_id = any(?) "
                + "order by rectified_at", caseIds));
        return out;
    }

    /** Last: every other module's rows point at the cases and the person. */
    @Override
    public int erasureOrder() {
        return 100;
    }

    @Override
    public void erase(Erasure erasure) {
        var cases = erasure.caseIds();
        PersonalData.change(jdbc, "delete from case_document where case_id = any(?)", cases);
        PersonalData.change(jdbc, "delete from case_milestone where case_id = any(?)", cases);
        PersonalData.change(jdbc, "delete from case_disclosure where case_id = any(?)", cases);
        PersonalData.change(jdbc, "delete from linked_person where case_id = any(?)", cases);
        PersonalData.change(jdbc, "delete from referral_idempotency where case_id = any(?)", cases);
        PersonalData.change(jdbc, "delete from referral_rectification where case_id = any(?)", cases);
        PersonalData.change(jdbc, "delete from referral where case_id = any(?)", cases);
        // A further concern joined to an erased case is erased with it (the caller includes it); nothing else may point at one.
        PersonalData.change(jdbc, "update prevent_case set joined_to = null where joined_to = any(?)", cases);
        PersonalData.change(jdbc, "delete from prevent_case where id = any(?)", cases);
        if (erasure.wholePerson()) {
            PersonalData.change(jdbc, "update person set merged_into = null where merged_into = any(?)", erasure.personIds());
            PersonalData.change(jdbc, "delete from person where id = any(?)", erasure.personIds());
        }
    }
}
