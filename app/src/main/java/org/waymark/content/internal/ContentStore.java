package org.waymark.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.content.internal.ContentEnums.ApprovalDecision;
import org.waymark.content.internal.ContentEnums.AssessmentOutcome;
import org.waymark.content.internal.ContentEnums.FileType;
import org.waymark.content.internal.ContentEnums.HashAlgorithm;
import org.waymark.content.internal.ContentEnums.Ideology;
import org.waymark.content.internal.ContentEnums.ItemStatus;
import org.waymark.content.internal.ContentEnums.ReferralStatus;
import org.waymark.content.internal.ContentEnums.Source;
import org.waymark.content.internal.ContentEnums.TcoReason;
import org.waymark.content.internal.ContentRecords.Assessment;
import org.waymark.content.internal.ContentRecords.AvailabilityCheck;
import org.waymark.content.internal.ContentRecords.Capture;
import org.waymark.content.internal.ContentRecords.ContentItem;
import org.waymark.content.internal.ContentRecords.Match;
import org.waymark.content.internal.ContentRecords.Referral;
import org.waymark.content.internal.ContentRecords.ReferralEvent;
import org.waymark.content.internal.ContentRecords.Report;

/** SQL for content items and everything hanging off them. No decisions here: {@link ContentWorkflow} makes them. */
@Repository
class ContentStore {

    private static final String ITEM = "select id, reference, url, canonical_url, platform_code, status, source, found_by, found_at, updated_at from content_item ";
    private static final String CAPTURE = "select c.id, c.item_id, c.sha256, f.md5, f.size_bytes, c.file_name, c.media_type, c.file_type, "
            + "c.pdq_hash, c.pdq_quality, c.captured_by, c.captured_at, c.hash_problem from content_capture c join content_file f on f.sha256 = c.sha256 ";
    private static final String ASSESSMENT = "select id, item_id, assessed_by, assessed_at, outcome, tact_section3, tco_reasons, ideology, "
            + "organisation_code, rationale, further_information, decision, decided_by, decided_at, decision_comment from content_assessment ";
    private static final String REFERRAL = "select id, reference, item_id, assessment_id, platform_code, issued_at, issued_by, approved_by, "
            + "status, status_at, concluded_at from content_referral ";

    private final JdbcClient jdbc;

    ContentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    // Items and reports

    long nextNumber(String sequence) {
        return jdbc.sql("select nextval('" + sequence + "')").query(Long.class).single();
    }

    Optional<ContentItem> item(UUID id) {
        return jdbc.sql(ITEM + "where id = ?").param(id).query(ContentStore::item).optional();
    }

    Optional<ContentItem> itemByCanonicalHash(String canonicalHash) {
        return jdbc.sql(ITEM + "where canonical_hash = ?").param(canonicalHash).query(ContentStore::item).optional();
    }

    Optional<ContentItem> itemByReference(String reference) {
        return jdbc.sql(ITEM + "where reference = ?").param(reference).query(ContentStore::item).optional();
    }

    List<ContentItem> items(ItemStatus status, int limit) {
        return jdbc.sql(ITEM + "where status = ? order by found_at limit " + limit).param(status.name()).query(ContentStore::item).list();
    }

    List<ContentItem> recentlyUpdated(int limit) {
        return jdbc.sql(ITEM + "order by updated_at desc limit " + limit).query(ContentStore::item).list();
    }

    void insertItem(ContentItem i, String canonicalHash) {
        jdbc.sql("insert into content_item (id, reference, url, canonical_url, canonical_hash, platform_code, status, source, found_by, "
                        + "found_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(i.id(), i.reference(), i.url(), i.canonicalUrl(), canonicalHash, i.platformCode(), i.status().name(), i.source().name(),
                        i.foundBy(), at(i.foundAt()), at(i.updatedAt()))
                .update();
    }

    /** Moves an item on only from the status it was read in; false if someone else moved it first. */
    boolean moveItem(UUID id, ItemStatus from, ItemStatus to, Instant at) {
        return jdbc.sql("update content_item set status = ?, updated_at = ? where id = ? and status = ?")
                .params(to.name(), at(at), id, from.name()).update() == 1;
    }

    /** {@code reference}: a public report's own, else null. */
    void insertReport(UUID itemId, Report r, String reference) {
        jdbc.sql("insert into content_report (id, item_id, url, source, reported_by, reported_at, note, reference) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), itemId, r.url(), r.source().name(), r.reportedBy(), at(r.reportedAt()), r.note(), reference).update();
    }

    List<Report> reports(UUID itemId) {
        return jdbc.sql("select id, url, source, reported_by, reported_at, note from content_report where item_id = ? order by reported_at")
                .param(itemId)
                .query((rs, n) -> new Report(rs.getObject("id", UUID.class), rs.getString("url"), Source.valueOf(rs.getString("source")),
                        rs.getString("reported_by"), instant(rs, "reported_at"), rs.getString("note")))
                .list();
    }

    // Files and captures

    boolean fileExists(String sha256) {
        return jdbc.sql("select count(*) from content_file where sha256 = ?").param(sha256).query(Integer.class).single() > 0;
    }

    void insertFile(String sha256, String md5, byte[] bytes) {
        jdbc.sql("insert into content_file (sha256, md5, size_bytes, bytes) values (?, ?, ?, ?)")
                .params(sha256, md5, (long) bytes.length, bytes).update();
    }

    Optional<byte[]> fileBytes(String sha256) {
        return jdbc.sql("select bytes from content_file where sha256 = ?").param(sha256).query((rs, n) -> rs.getBytes(1)).optional();
    }

    void insertCapture(Capture c) {
        jdbc.sql("insert into content_capture (id, item_id, sha256, file_name, media_type, file_type, pdq_hash, pdq_quality, captured_by, "
                        + "captured_at, hash_problem) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.itemId(), c.sha256(), c.fileName(), c.mediaType(), c.fileType().name(), c.pdqHash(), c.pdqQuality(),
                        c.capturedBy(), at(c.capturedAt()), c.hashProblem())
                .update();
    }

    List<Capture> captures(UUID itemId) {
        return jdbc.sql(CAPTURE + "where c.item_id = ? order by c.captured_at").param(itemId).query(ContentStore::capture).list();
    }

    Optional<Capture> capture(UUID id) {
        return jdbc.sql(CAPTURE + "where c.id = ?").param(id).query(ContentStore::capture).optional();
    }

    void insertMatch(UUID captureId, Captures.BankMatch m, Instant at) {
        jdbc.sql("insert into hash_match (id, capture_id, bank_id, algorithm, distance, matched_at, capture_percent, bank_percent, segment_start, "
                        + "segment_end) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), captureId, m.bankId(), m.algorithm().name(), m.distance(), at(at), m.capturePercent(), m.bankPercent(),
                        m.segmentStart(), m.segmentEnd())
                .update();
    }

    /** A captured video's vPDQ hash: its frames, in order. */
    void insertFrames(UUID captureId, List<org.waymark.pdq.VpdqFeature> frames) {
        for (var f : frames) {
            jdbc.sql("insert into content_capture_frame (capture_id, frame_number, quality, pdq_hash, timestamp_seconds) values (?, ?, ?, ?, ?)")
                    .params(captureId, f.frameNumber(), f.quality(), f.hash().toHex(), f.timestampSeconds()).update();
        }
    }

    List<org.waymark.pdq.VpdqFeature> frames(UUID captureId) {
        return jdbc.sql("select frame_number, quality, pdq_hash, timestamp_seconds from content_capture_frame where capture_id = ? order by frame_number")
                .param(captureId)
                .query((rs, n) -> new org.waymark.pdq.VpdqFeature(rs.getLong(1), rs.getInt(2), org.waymark.pdq.Hash256.parse(rs.getString(3)),
                        rs.getDouble(4)))
                .list();
    }

    List<Match> matches(UUID itemId) {
        return jdbc.sql("select m.capture_id, m.bank_id, m.algorithm, m.distance, b.hash, b.ideology, b.item_id, i.reference, m.matched_at, "
                        + "m.capture_percent, m.bank_percent, m.segment_start, m.segment_end "
                        + "from hash_match m join content_capture c on c.id = m.capture_id join hash_bank b on b.id = m.bank_id "
                        + "left join content_item i on i.id = b.item_id where c.item_id = ? order by m.distance, m.matched_at")
                .param(itemId)
                .query((rs, n) -> new Match(rs.getObject(1, UUID.class), rs.getLong(2), HashAlgorithm.valueOf(rs.getString(3)), rs.getInt(4),
                        rs.getString(5), org.waymark.govuk.Choices.parse(Ideology.class, rs.getString(6)), rs.getObject(7, UUID.class), rs.getString(8),
                        instant(rs, "matched_at"), rs.getObject(10, Double.class), rs.getObject(11, Double.class), rs.getObject(12, Double.class),
                        rs.getObject(13, Double.class)))
                .list();
    }

    // Assessments

    void insertAssessment(Assessment a) {
        jdbc.sql("insert into content_assessment (id, item_id, assessed_by, assessed_at, outcome, tact_section3, tco_reasons, ideology, "
                        + "organisation_code, rationale, further_information) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), a.itemId(), a.assessedBy(), at(a.assessedAt()), a.outcome().name(), a.tactSection3(),
                        String.join(",", a.tcoReasons().stream().map(Enum::name).toList()), a.ideology() == null ? null : a.ideology().name(),
                        a.organisationCode(), a.rationale(), a.furtherInformation())
                .update();
    }

    void decide(UUID assessmentId, ApprovalDecision decision, String by, Instant at, String comment) {
        jdbc.sql("update content_assessment set decision = ?, decided_by = ?, decided_at = ?, decision_comment = ? where id = ?")
                .params(decision.name(), by, at(at), comment, assessmentId).update();
    }

    List<Assessment> assessments(UUID itemId) {
        return jdbc.sql(ASSESSMENT + "where item_id = ? order by assessed_at").param(itemId).query(ContentStore::assessment).list();
    }

    Optional<Assessment> assessment(UUID id) {
        return jdbc.sql(ASSESSMENT + "where id = ?").param(id).query(ContentStore::assessment).optional();
    }

    // Referrals

    void insertReferral(Referral r) {
        jdbc.sql("insert into content_referral (id, reference, item_id, assessment_id, platform_code, issued_at, issued_by, approved_by, "
                        + "status, status_at, concluded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.reference(), r.itemId(), r.assessmentId(), r.platformCode(), at(r.issuedAt()), r.issuedBy(), r.approvedBy(),
                        r.status().name(), at(r.statusAt()), at(r.concludedAt()))
                .update();
    }

    boolean moveReferral(UUID id, ReferralStatus from, ReferralStatus to, Instant at, Instant concludedAt) {
        return jdbc.sql("update content_referral set status = ?, status_at = ?, concluded_at = ? where id = ? and status = ?")
                .params(to.name(), at(at), at(concludedAt), id, from.name()).update() == 1;
    }

    void insertReferralEvent(UUID referralId, ReferralEvent e) {
        jdbc.sql("insert into content_referral_event (id, referral_id, status, occurred_at, recorded_by, recorded_at, note) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), referralId, e.status().name(), at(e.occurredAt()), e.recordedBy(), at(e.recordedAt()), e.note())
                .update();
    }

    Optional<Referral> referral(UUID id) {
        return jdbc.sql(REFERRAL + "where id = ?").param(id).query(ContentStore::referral).optional();
    }

    List<Referral> referralsOf(UUID itemId) {
        return jdbc.sql(REFERRAL + "where item_id = ? order by issued_at").param(itemId).query(ContentStore::referral).list();
    }

    List<Referral> referralsIssued(Instant from, Instant to) {
        return jdbc.sql(REFERRAL + "where issued_at >= ? and issued_at < ? order by issued_at").params(at(from), at(to))
                .query(ContentStore::referral).list();
    }

    List<ReferralEvent> referralEvents(UUID referralId) {
        return jdbc.sql("select status, occurred_at, recorded_by, recorded_at, note from content_referral_event where referral_id = ? "
                        + "order by occurred_at, recorded_at")
                .param(referralId)
                .query((rs, n) -> new ReferralEvent(ReferralStatus.valueOf(rs.getString(1)), instant(rs, "occurred_at"), rs.getString(3),
                        instant(rs, "recorded_at"), rs.getString(5)))
                .list();
    }

    // Availability

    void insertCheck(UUID itemId, AvailabilityCheck c) {
        jdbc.sql("insert into content_availability_check (id, item_id, checked_at, http_status, available, problem) values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), itemId, at(c.checkedAt()), c.httpStatus(), c.available(), c.problem()).update();
    }

    List<AvailabilityCheck> checks(UUID itemId) {
        return jdbc.sql("select checked_at, http_status, available, problem from content_availability_check where item_id = ? "
                        + "order by checked_at desc")
                .param(itemId)
                .query((rs, n) -> new AvailabilityCheck(instant(rs, "checked_at"), (Integer) rs.getObject(2, Integer.class), rs.getBoolean(3),
                        rs.getString(4)))
                .list();
    }

    /** Items with an open referral whose URL has not been checked since {@code before}. */
    List<ContentItem> dueForCheck(Instant before, int limit) {
        return jdbc.sql(ITEM + "where status in ('REFERRED', 'NO_RESPONSE', 'GEO_BLOCKED', 'DECLINED') and not exists "
                        + "(select 1 from content_availability_check c where c.item_id = content_item.id and c.checked_at >= ?) "
                        + "order by found_at limit " + limit)
                .param(at(before)).query(ContentStore::item).list();
    }

    // Row mappers

    private static ContentItem item(ResultSet rs, int n) throws SQLException {
        return new ContentItem(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("url"), rs.getString("canonical_url"),
                rs.getString("platform_code"), ItemStatus.valueOf(rs.getString("status")), Source.valueOf(rs.getString("source")),
                rs.getString("found_by"), instant(rs, "found_at"), instant(rs, "updated_at"));
    }

    private static Capture capture(ResultSet rs, int n) throws SQLException {
        return new Capture(rs.getObject("id", UUID.class), rs.getObject("item_id", UUID.class), rs.getString("sha256"), rs.getString("md5"),
                rs.getLong("size_bytes"), rs.getString("file_name"), rs.getString("media_type"), FileType.valueOf(rs.getString("file_type")),
                rs.getString("pdq_hash"), (Integer) rs.getObject("pdq_quality", Integer.class), rs.getString("captured_by"),
                instant(rs, "captured_at"), rs.getString("hash_problem"));
    }

    private static Assessment assessment(ResultSet rs, int n) throws SQLException {
        String reasons = rs.getString("tco_reasons");
        return new Assessment(rs.getObject("id", UUID.class), rs.getObject("item_id", UUID.class), rs.getString("assessed_by"),
                instant(rs, "assessed_at"), AssessmentOutcome.valueOf(rs.getString("outcome")), rs.getBoolean("tact_section3"),
                reasons == null || reasons.isEmpty() ? List.of() : Arrays.stream(reasons.split(",")).map(TcoReason::valueOf).toList(),
                org.waymark.govuk.Choices.parse(Ideology.class, rs.getString("ideology")), rs.getString("organisation_code"), rs.getString("rationale"),
                rs.getString("further_information"), org.waymark.govuk.Choices.parse(ApprovalDecision.class, rs.getString("decision")),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("decision_comment"));
    }

    private static Referral referral(ResultSet rs, int n) throws SQLException {
        return new Referral(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getObject("item_id", UUID.class),
                rs.getObject("assessment_id", UUID.class), rs.getString("platform_code"), instant(rs, "issued_at"), rs.getString("issued_by"),
                rs.getString("approved_by"), ReferralStatus.valueOf(rs.getString("status")), instant(rs, "status_at"),
                instant(rs, "concluded_at"));
    }
}
