package org.waymark.content.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.content.internal.ContentEnums.Ideology;
import org.waymark.content.internal.ContentEnums.ReferralStatus;
import org.waymark.content.internal.ContentEnums.TcoReason;
import org.waymark.content.internal.ContentRecords.Referral;
import org.waymark.govuk.DisplayDates;

/**
 * The unit's figures: per platform, how much of what was referred came down and how fast; and the
 * transparency report for any period. Aggregates only, no URLs, so managers may see them.
 */
@Component
class ContentStatistics {

    private final ContentStore store;
    private final ContentReferenceData reference;
    private final JdbcClient jdbc;

    ContentStatistics(ContentStore store, ContentReferenceData reference, JdbcClient jdbc) {
        this.store = store;
        this.reference = reference;
        this.jdbc = jdbc;
    }

    /**
     * One platform's record over the referrals issued in the period, as they stand now.
     *
     * @param removalRate        removed or geo-blocked, over all referred; null with no referrals
     * @param medianTimeToRemoval issue to removal or geo-block, over those that came down
     */
    record PlatformFigures(String platformCode, String platformName, int referred, int removed, int geoBlocked, int declined,
            int noResponse, int awaiting, Double removalRate, Duration medianTimeToRemoval, Duration slowestRemoval) {
    }

    List<PlatformFigures> platforms(Instant from, Instant to) {
        var byPlatform = new TreeMap<String, List<Referral>>();
        for (var r : store.referralsIssued(from, to)) {
            byPlatform.computeIfAbsent(r.platformCode(), k -> new ArrayList<>()).add(r);
        }
        var figures = new ArrayList<PlatformFigures>();
        for (var e : byPlatform.entrySet()) {
            figures.add(figures(e.getKey(), reference.platform(e.getKey()).name(), e.getValue()));
        }
        figures.sort(java.util.Comparator.comparingInt(PlatformFigures::referred).reversed().thenComparing(PlatformFigures::platformName));
        return figures;
    }

    PlatformFigures figures(String platformCode, String platformName, List<Referral> referrals) {
        var counts = new EnumMap<ReferralStatus, Integer>(ReferralStatus.class);
        var times = new ArrayList<Duration>();
        for (var r : referrals) {
            counts.merge(r.status(), 1, Integer::sum);
            if (r.timeToRemoval() != null) {
                times.add(r.timeToRemoval());
            }
        }
        times.sort(null);
        int removed = counts.getOrDefault(ReferralStatus.REMOVED, 0);
        int geo = counts.getOrDefault(ReferralStatus.GEO_BLOCKED, 0);
        return new PlatformFigures(platformCode, platformName, referrals.size(), removed, geo,
                counts.getOrDefault(ReferralStatus.DECLINED, 0), counts.getOrDefault(ReferralStatus.NO_RESPONSE, 0),
                counts.getOrDefault(ReferralStatus.REFERRED, 0), referrals.isEmpty() ? null : (removed + geo) / (double) referrals.size(),
                median(times), times.isEmpty() ? null : times.getLast());
    }

    static Duration median(List<Duration> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    /** A period's transparency report: what was reported, assessed, referred and removed, by platform, ideology and ground. */
    record TransparencyReport(LocalDate from, LocalDate to, int itemsReported, int reports, int assessedIllegal, int assessedNotIllegal,
            int referralsIssued, PlatformFigures overall, List<PlatformFigures> platforms, Map<String, Integer> byIdeology,
            Map<String, Integer> byGround, int hashesAdded, int hashMatches) {
    }

    TransparencyReport transparency(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(DisplayDates.UK).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(DisplayDates.UK).toInstant();
        var params = new Object[] {ContentStore.at(start), ContentStore.at(end)};
        int items = count("select count(*) from content_item where found_at >= ? and found_at < ?", params);
        int reports = count("select count(*) from content_report where reported_at >= ? and reported_at < ?", params);
        int illegal = count("select count(*) from content_assessment where outcome = 'ILLEGAL' and assessed_at >= ? and assessed_at < ?", params);
        int notIllegal = count("select count(*) from content_assessment where outcome = 'NOT_ILLEGAL' and assessed_at >= ? and assessed_at < ?",
                params);
        var referrals = store.referralsIssued(start, end);
        var byIdeology = new LinkedHashMap<String, Integer>();
        var byGround = new LinkedHashMap<String, Integer>();
        for (Ideology i : Ideology.values()) {
            byIdeology.put(i.name(), 0);
        }
        byGround.put("TACT_S3", 0);
        for (TcoReason r : TcoReason.values()) {
            byGround.put(r.name(), 0);
        }
        // The grounds and ideology of every referral issued in the period, in one query.
        jdbc.sql("select a.ideology, a.tact_section3, a.tco_reasons from content_referral r join content_assessment a "
                        + "on a.id = r.assessment_id where r.issued_at >= ? and r.issued_at < ?")
                .params(params)
                .query(rs -> {
                    String ideology = rs.getString(1);
                    if (ideology != null) {
                        byIdeology.merge(ideology, 1, Integer::sum);
                    }
                    if (rs.getBoolean(2)) {
                        byGround.merge("TACT_S3", 1, Integer::sum);
                    }
                    String reasons = rs.getString(3);
                    if (reasons != null && !reasons.isEmpty()) {
                        for (String reason : reasons.split(",")) {
                            byGround.merge(reason, 1, Integer::sum);
                        }
                    }
                });
        int added = count("select count(*) from hash_bank where created_at >= ? and created_at < ?", params);
        int matches = count("select count(*) from hash_match where matched_at >= ? and matched_at < ?", params);
        return new TransparencyReport(from, to, items, reports, illegal, notIllegal, referrals.size(), figures("ALL", "All platforms", referrals),
                platforms(start, end), byIdeology, byGround, added, matches);
    }

    private int count(String sql, Object[] params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
