package org.waymark.programme.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.waymark.programme.internal.OfficerRecords.Deployment;
import org.waymark.programme.internal.OfficerRecords.Officer;
import org.waymark.programme.internal.OfficerRecords.OfficerKind;
import org.waymark.programme.internal.OfficerRecords.Post;

/**
 * Coverage of one area by one kind of officer on a day: the posts established there against the officers deployed
 * there that day. Every area with a post or a deployment gets a line, so an area with posts and nobody is seen.
 *
 * @param status COVERED (every post filled), GAP (some filled, some vacant), UNCOVERED (posts and nobody there),
 *               UNFUNDED (officers deployed where no post is established)
 */
record Coverage(String areaCode, OfficerKind kind, int established, int deployed, int vacancies, Status status, List<String> officers) {

    enum Status { COVERED, GAP, UNCOVERED, UNFUNDED }

    static List<Coverage> on(LocalDate day, Collection<Post> posts, Collection<Officer> officers, Collection<Deployment> deployments) {
        Map<String, int[]> established = new TreeMap<>();
        Map<String, List<String>> present = new TreeMap<>();
        for (var p : posts) {
            established.computeIfAbsent(p.areaCode() + "|" + p.kind(), k -> new int[1])[0] += p.established();
        }
        var byId = new java.util.HashMap<java.util.UUID, Officer>();
        officers.forEach(o -> byId.put(o.id(), o));
        for (var d : deployments) {
            var officer = byId.get(d.officerId());
            if (officer != null && d.covers(day)) {
                present.computeIfAbsent(d.areaCode() + "|" + officer.kind(), k -> new ArrayList<>()).add(officer.name());
            }
        }
        var keys = new java.util.TreeSet<String>(established.keySet());
        keys.addAll(present.keySet());
        var lines = new ArrayList<Coverage>();
        for (String key : keys) {
            String area = key.substring(0, key.indexOf('|'));
            var kind = OfficerKind.valueOf(key.substring(key.indexOf('|') + 1));
            int funded = established.containsKey(key) ? established.get(key)[0] : 0;
            var names = present.getOrDefault(key, List.of()).stream().sorted().toList();
            int vacancies = Math.max(0, funded - names.size());
            Status status = funded == 0 ? Status.UNFUNDED : names.isEmpty() ? Status.UNCOVERED : vacancies > 0 ? Status.GAP : Status.COVERED;
            lines.add(new Coverage(area, kind, funded, names.size(), vacancies, status, names));
        }
        return lines;
    }
}
