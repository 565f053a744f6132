package org.waymark.referral.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.referral.CaseFile;

/** The referral's own rows: person, case, answers, documents, linked people, idempotency keys. */
@Repository
class ReferralStore {

    private final JdbcClient jdbc;

    ReferralStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The referral's answers as stored, for the case page and the API. */
    record Answers(String forename, String surname, String aliases, LocalDate dateOfBirth, Integer age, String gender, String address,
            String postcode, String nationality, String firstLanguage, String schoolOrOccupation, String familyDetails,
            String personAware, String concern, List<String> complexNeeds, String otherSafeguarding, String agenciesInvolved,
            String referrerName, String referrerOrganisation, String referrerSector, String referrerEmail, String referrerPhone,
            String ethnicity, String religion, String language) {
    }

    record Document(UUID id, UUID caseId, String fileName, String mediaType, long sizeBytes, String sha256, String uploadedBy,
            Instant uploadedAt) {
    }

    record LinkedPerson(UUID id, String category, String name, String relationship, String addedBy, Instant addedAt) {
    }

    record IdempotentRequest(String bodyHash, UUID caseId) {
    }

    /** What a referrer may see of what they sent: reference and time, nothing of what became of it. */
    record Sent(UUID id, String reference, Instant receivedAt) {
    }

    /** A repeat referral that joined an open case: enough for the open case's readers to weigh it. */
    record FurtherConcern(UUID caseId, String reference, Instant receivedAt, String referrerOrganisation, String referrerSector,
            String concern) {
    }

    /** What a work queue shows of each case besides its stage: who it is about, who referred, and its flags. */
    record QueueDetails(UUID caseId, String forename, String surname, LocalDate dateOfBirth, Integer age, String referrerSector,
            boolean repeat, boolean returned) {
    }

    /**
     * One query for the whole listing: the referral's name, date of birth or age and referrer's sector; whether the
     * person has another referral (a repeat); whether a supervisor's return is the case's latest screening milestone.
     */
    java.util.Map<UUID, QueueDetails> queueDetails(java.util.Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return java.util.Map.of();
        }
        var out = new java.util.HashMap<UUID, QueueDetails>();
        jdbc.sql("select c.id, r.forename, r.surname, r.date_of_birth, r.age, r.referrer_sector, "
                        + "(select count(*) from prevent_case o where o.person_id = c.person_id and o.id <> c.id), "
                        + "(select m.kind from case_milestone m where m.case_id = c.id and m.kind in ('CLOSURE_RETURNED', 'SCREENING_DECISION', "
                        + "'DECISION_AWAITING_APPROVAL') order by m.occurred_at desc, m.id desc fetch first 1 rows only) "
                        + "from prevent_case c join referral r on r.case_id = c.id where c.id = any(?)")
                .param(caseIds.toArray(UUID[]::new))
                .query(rs -> {
                    var id = rs.getObject(1, UUID.class);
                    out.put(id, new QueueDetails(id, rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), (Integer) rs.getObject(5),
                            rs.getString(6), rs.getLong(7) > 0, "CLOSURE_RETURNED".equals(rs.getString(8))));
                });
        return out;
    }

    void joined(UUID caseId, UUID into) {
        jdbc.sql("update prevent_case set joined_to = ? where id = ?").params(into, caseId).update();
    }

    Optional<UUID> joinedTo(UUID caseId) {
        return jdbc.sql("select joined_to from prevent_case where id = ? and joined_to is not null").param(caseId).query(UUID.class).optional();
    }

    /** The referrals joined to this case, oldest first. */
    List<FurtherConcern> furtherConcerns(UUID caseId) {
        return jdbc.sql("select c.id, c.reference, c.received_at, r.referrer_organisation, r.referrer_sector, r.concern from prevent_case c "
                        + "join referral r on r.case_id = c.id where c.joined_to = ? order by c.received_at")
                .param(caseId).query((rs, n) -> new FurtherConcern(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5), rs.getString(6))).list();
    }

    List<Sent> submittedBy(String username, int limit) {
        return jdbc.sql("select id, reference, received_at from prevent_case where submitted_by = ? order by received_at desc limit " + limit)
                .param(username).query((rs, n) -> new Sent(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
    }

    long nextCaseNumber() {
        return jdbc.sql("select nextval('case_number')").query(Long.class).single();
    }

    /** The person with exactly this name and date of birth, if one is known; fuzzy candidates are the linkage's. */
    Optional<UUID> personExactly(String forename, String surname, LocalDate born) {
        if (born == null) {
            return Optional.empty();
        }
        // A person merged into another is that other person now.
        return jdbc.sql("select coalesce(merged_into, id) from person where name_key = ? and date_of_birth = ? order by created_at")
                .params(nameKey(forename, surname), born).query(UUID.class).list().stream().findFirst();
    }

    void insertPerson(UUID id, String forename, String surname, LocalDate born, Instant at) {
        jdbc.sql("insert into person (id, forename, surname, date_of_birth, name_key, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, forename, surname, born, nameKey(forename, surname), Timestamp.from(at)).update();
    }

    static String nameKey(String forename, String surname) {
        return surname.toLowerCase(Locale.ROOT) + "|" + forename.toLowerCase(Locale.ROOT);
    }

    void insertCase(CaseFile c) {
        jdbc.sql("insert into prevent_case (id, reference, person_id, stage, local_authority, force_area, received_at, received_via, "
                        + "submitted_by, submitted_org, withheld, stage_changed_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(c.id(), c.reference(), c.personId(), c.stage().name(), c.localAuthority(), c.forceArea(),
                        Timestamp.from(c.receivedAt()), c.receivedVia().name(), c.submittedBy(), c.submittedOrganisation(), c.withheld(),
                        Timestamp.from(c.stageChangedAt())).update();
    }

    void insertAnswers(UUID caseId, Answers a) {
        jdbc.sql("insert into referral (case_id, forename, surname, aliases, date_of_birth, age, gender, address, postcode, nationality, "
                        + "first_language, school_or_occupation, family_details, person_aware, concern, complex_needs, other_safeguarding, "
                        + "agencies_involved, referrer_name, referrer_organisation, referrer_sector, referrer_email, referrer_phone, "
                        + "ethnicity, religion, language) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(caseId, a.forename(), a.surname(), a.aliases(), a.dateOfBirth(), a.age(), a.gender(), a.address(), a.postcode(),
                        a.nationality(), a.firstLanguage(), a.schoolOrOccupation(), a.familyDetails(), a.personAware(), a.concern(),
                        a.complexNeeds().isEmpty() ? null : String.join(",", a.complexNeeds()), a.otherSafeguarding(),
                        a.agenciesInvolved(), a.referrerName(), a.referrerOrganisation(), a.referrerSector(), a.referrerEmail(),
                        a.referrerPhone(), a.ethnicity(), a.religion(), a.language())
                .update();
    }

    Optional<Answers> answers(UUID caseId) {
        return jdbc.sql("select forename, surname, aliases, date_of_birth, age, gender, address, postcode, nationality, first_language, "
                        + "school_or_occupation, family_details, person_aware, concern, complex_needs, other_safeguarding, agencies_involved, "
                        + "referrer_name, referrer_organisation, referrer_sector, referrer_email, referrer_phone, ethnicity, religion, language "
                        + "from referral where case_id = ?")
                .param(caseId).query((rs, n) -> new Answers(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), (Integer) rs.getObject(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                        rs.getString(15) == null ? List.of() : List.of(rs.getString(15).split(",")), rs.getString(16), rs.getString(17),
                        rs.getString(18), rs.getString(19), rs.getString(20), rs.getString(21), rs.getString(22), rs.getString(23),
                        rs.getString(24), rs.getString(25)))
                .optional();
    }

    Optional<IdempotentRequest> idempotent(String requester, String key) {
        return jdbc.sql("select body_hash, case_id from referral_idempotency where requester = ? and idem_key = ?").params(requester, key)
                .query((rs, n) -> new IdempotentRequest(rs.getString(1), rs.getObject(2, UUID.class))).optional();
    }

    void insertIdempotency(String requester, String key, String bodyHash, UUID caseId, Instant at) {
        jdbc.sql("insert into referral_idempotency (requester, idem_key, body_hash, case_id, created_at) values (?, ?, ?, ?, ?)")
                .params(requester, key, bodyHash, caseId, Timestamp.from(at)).update();
    }

    void insertDocument(Document d, byte[] bytes) {
        jdbc.sql("insert into case_document (id, case_id, file_name, media_type, size_bytes, sha256, bytes, uploaded_by, uploaded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), d.caseId(), d.fileName(), d.mediaType(), d.sizeBytes(), d.sha256(), bytes, d.uploadedBy(),
                        Timestamp.from(d.uploadedAt())).update();
    }

    List<Document> documents(UUID caseId) {
        return jdbc.sql("select id, case_id, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at from case_document "
                        + "where case_id = ? order by uploaded_at, file_name")
                .param(caseId).query(ReferralStore::document).list();
    }

    Optional<Document> document(UUID id) {
        return jdbc.sql("select id, case_id, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at from case_document where id = ?")
                .param(id).query(ReferralStore::document).optional();
    }

    byte[] documentBytes(UUID id) {
        return jdbc.sql("select bytes from case_document where id = ?").param(id).query((rs, n) -> rs.getBytes(1)).single();
    }

    void insertLinkedPerson(UUID caseId, LinkedPerson p) {
        jdbc.sql("insert into linked_person (id, case_id, category, name, relationship, added_by, added_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(p.id(), caseId, p.category(), p.name(), p.relationship(), p.addedBy(), Timestamp.from(p.addedAt())).update();
    }

    List<LinkedPerson> linkedPeople(UUID caseId) {
        return jdbc.sql("select id, category, name, relationship, added_by, added_at from linked_person where case_id = ? order by added_at")
                .param(caseId).query((rs, n) -> new LinkedPerson(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    private static Document document(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Document(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
    }
}
