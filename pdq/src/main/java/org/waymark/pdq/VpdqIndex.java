package org.waymark.pdq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Many videos' vPDQ hashes, searched as the vPDQ authors suggest: every usable unique frame hash of every stored
 * video sits in a {@link MultiIndexHashIndex}; a query's frames find the candidate videos there, and each candidate
 * is then compared whole by the {@link VpdqMatcher}. Answers equal comparing the query with every stored video.
 * Not thread-safe for writes; readers need external locking around writers, as the hash index does.
 */
public final class VpdqIndex {

    /** A stored video that matches, its closest frame distance, and the query's matched stretch (seconds). */
    public record Match(long videoId, int distance, double queryPercent, double candidatePercent, double segmentStart, double segmentEnd) {
    }

    private final VpdqMatcher matcher;
    private final MultiIndexHashIndex index = new MultiIndexHashIndex();
    private long[] videoOf = new long[1024];
    private final Map<Long, int[]> framesOf = new HashMap<>();

    /** Matches best first: the larger share of the stored video found, then the nearer frame. */
    public static final Comparator<Match> BEST_FIRST = Comparator.comparingDouble(Match::candidatePercent).reversed()
            .thenComparingInt(Match::distance);

    public VpdqIndex(VpdqMatcher matcher) {
        this.matcher = matcher;
    }

    public int videos() {
        return framesOf.size();
    }

    public int frames() {
        return index.size();
    }

    public boolean contains(long videoId) {
        return framesOf.containsKey(videoId);
    }

    /** Stores a video's usable frames under its id; a video already stored is left as it is. */
    public void add(long videoId, List<VpdqFeature> frames) {
        if (framesOf.containsKey(videoId)) {
            return;
        }
        List<Hash256> usable = matcher.usable(frames);
        int[] ids = new int[usable.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = index.add(usable.get(i));
            remember(ids[i], videoId);
        }
        framesOf.put(videoId, ids);
    }

    /** Stores many videos at once, as a bank is loaded at start: one bulk insert, compacted once. */
    public void addAll(Map<Long, List<VpdqFeature>> videos) {
        var hashes = new ArrayList<Hash256>();
        var owners = new ArrayList<long[]>();
        for (var video : videos.entrySet()) {
            if (framesOf.containsKey(video.getKey())) {
                continue;
            }
            List<Hash256> usable = matcher.usable(video.getValue());
            owners.add(new long[] {video.getKey(), hashes.size(), usable.size()});
            hashes.addAll(usable);
        }
        int first = index.addAll(hashes);
        for (long[] owner : owners) {
            int[] ids = new int[(int) owner[2]];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = first + (int) owner[1] + i;
                remember(ids[i], owner[0]);
            }
            framesOf.put(owner[0], ids);
        }
    }

    private void remember(int id, long videoId) {
        if (id >= videoOf.length) {
            videoOf = Arrays.copyOf(videoOf, Math.max(id + 1, videoOf.length * 2));
        }
        videoOf[id] = videoId;
    }

    public void remove(long videoId) {
        int[] ids = framesOf.remove(videoId);
        if (ids != null) {
            Arrays.stream(ids).forEach(index::remove);
        }
    }

    /** The stored videos the query matches (the candidate's share reaching the matcher's threshold), best first. */
    public List<Match> match(List<VpdqFeature> query) {
        var usable = matcher.usableFeatures(query);
        var candidates = new LinkedHashSet<Long>();
        for (var f : usable) {
            index.search(f.hash(), matcher.maxDistance()).forEach(m -> candidates.add(videoOf[m.id()]));
        }
        var found = new ArrayList<Match>();
        for (long videoId : candidates) {
            compare(usable, videoId).ifPresent(found::add);
        }
        found.sort(BEST_FIRST);
        return found;
    }

    /** Every stored video compared with the query, without the index: what {@link #match} must equal. */
    public List<Match> bruteForce(List<VpdqFeature> query) {
        var found = new ArrayList<Match>();
        for (long videoId : framesOf.keySet()) {
            compare(matcher.usableFeatures(query), videoId).ifPresent(found::add);
        }
        found.sort(BEST_FIRST);
        return found;
    }

    private Optional<Match> compare(List<VpdqFeature> query, long videoId) {
        int[] ids = framesOf.get(videoId);
        var stored = new ArrayList<Hash256>(ids.length);
        for (int id : ids) {
            stored.add(index.get(id));
        }
        var result = matcher.compareUsable(query.stream().map(VpdqFeature::hash).toList(), stored);
        if (!result.match()) {
            return Optional.empty();
        }
        int best = Integer.MAX_VALUE;
        double start = Double.MAX_VALUE;
        double end = 0;
        for (var f : query) {
            int nearest = Integer.MAX_VALUE;
            for (Hash256 h : stored) {
                nearest = Math.min(nearest, h.distance(f.hash()));
            }
            if (nearest <= matcher.maxDistance()) {
                best = Math.min(best, nearest);
                start = Math.min(start, f.timestampSeconds());
                end = Math.max(end, f.timestampSeconds());
            }
        }
        return Optional.of(new Match(videoId, best, result.queryPercent(), result.candidatePercent(), start, end));
    }
}
