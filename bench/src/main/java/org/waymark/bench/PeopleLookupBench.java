package org.waymark.bench;

import java.io.BufferedWriter;
import java.io.FileReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.waymark.linkage.MatchModel;
import org.waymark.linkage.SyntheticPeople;

/**
 * Candidate lookup against a million stored people (bench/people.sh runs it on PostgreSQL):
 *
 *   load MODEL_FILE N DIR        writes COPY files for N synthetic referrals, one person each (person, prevent_case,
 *                                referral, person_linkage_record, person_block_key with the shipped model's keys)
 *                                and truth.csv
 *   lookup BASE TOKEN DIR CLIENTS REQUESTS
 *                                GET /api/v1/cases/{id}/person-matches for random referrals that have a true
 *                                duplicate, as the gateway officer does; prints latency percentiles, and how often
 *                                the duplicate's person is the first candidate and among those shown
 */
public final class PeopleLookupBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern PERSON = Pattern.compile("\"personId\":\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            case "lookup" -> lookup(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("load or lookup");
        }
    }

    static void load(Path modelFile, int n, Path dir) throws Exception {
        MatchModel model;
        try (var in = new FileReader(modelFile.toFile())) {
            model = MatchModel.read(in);
        }
        var population = SyntheticPeople.generate(n, 11);
        var at = Instant.parse("2026-01-01T09:00:00Z");
        long keys = 0;
        try (var person = Files.newBufferedWriter(dir.resolve("person.csv")); var cases = Files.newBufferedWriter(dir.resolve("case.csv"));
                var referral = Files.newBufferedWriter(dir.resolve("referral.csv")); var key = Files.newBufferedWriter(dir.resolve("key.csv"));
                var linkage = Files.newBufferedWriter(dir.resolve("linkage.csv")); var truth = Files.newBufferedWriter(dir.resolve("truth.csv"))) {
            var random = new Random(5);
            for (int i = 0; i < n; i++) {
                var r = population.records().get(i);
                var personId = new UUID(random.nextLong(), random.nextLong());
                var caseId = new UUID(random.nextLong(), random.nextLong());
                String first = r.get("first_name");
                String last = r.get("surname");
                String dob = r.get("dob");
                String postcode = r.get("postcode");
                String when = at.plusSeconds(i * 30L).toString();
                line(person, personId, first, last, dob, last + "|" + first, when);
                line(cases, caseId, String.format("PRV-SYN-%08d", i), personId, "SCREENING", "E09000007", "E23000001", when, "API", "bench.loader",
                        "LA-E09000007", "false", when, "0");
                line(referral, caseId, first, last, dob, "MALE", postcode, "NO", "Synthetic benchmark referral.", "EDUCATION", "en");
                var record = MatchModel.record(first, last, dob, postcode);
                line(linkage, caseId, personId, first, last, dob, postcode, "\"" + MatchModel.encode(record) + "\"");
                for (long k : model.storedKeys(record)) {
                    line(key, k, caseId);
                    keys++;
                }
                line(truth, caseId, personId, population.truth().get(i));
            }
        }
        System.out.printf("generated %,d referrals (%,d people), %,d blocking keys (%.1f a referral)%n", n, population.people(), keys, keys / (double) n);
    }

    private static void line(BufferedWriter out, Object... values) throws java.io.IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(values[i] == null ? "" : values[i].toString());
        }
        out.write('\n');
    }

    static void lookup(String base, String token, Path dir, int clients, int requests) throws Exception {
        // Referrals whose generated person was referred more than once: the lookup should find the others.
        var byTruth = new HashMap<String, List<String[]>>();
        for (String l : Files.readAllLines(dir.resolve("truth.csv"))) {
            String[] p = l.split(",");
            byTruth.computeIfAbsent(p[2], k -> new ArrayList<>()).add(p);
        }
        var queries = new ArrayList<String[]>();
        Map<String, List<String>> others = new HashMap<>();
        for (var group : byTruth.values()) {
            if (group.size() > 1) {
                for (var row : group) {
                    queries.add(row);
                    others.put(row[0], group.stream().filter(o -> o != row).map(o -> o[1]).toList());
                }
            }
        }
        var latencies = new ConcurrentLinkedQueue<long[]>();
        var errors = new AtomicLong();
        var first = new AtomicLong();
        var shown = new AtomicLong();
        var asked = new AtomicLong();
        var candidates = new AtomicLong();
        long started = System.nanoTime();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    var random = new Random(client);
                    int each = requests / clients;
                    int warm = Math.max(5, each / 10);
                    var mine = new long[each];
                    int n = 0;
                    for (int i = 0; i < each + warm; i++) {
                        var row = queries.get(random.nextInt(queries.size()));
                        var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + row[0] + "/person-matches"))
                                .header("Authorization", "Bearer " + token).GET().build();
                        long start = System.nanoTime();
                        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - start;
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (i < warm) {
                            continue;
                        }
                        mine[n++] = took;
                        var found = new ArrayList<String>();
                        var m = PERSON.matcher(response.body());
                        while (m.find()) {
                            found.add(m.group(1));
                        }
                        found.remove(row[1]); // the case's own person, named once at the top of the answer
                        candidates.addAndGet(found.size());
                        var wanted = others.get(row[0]);
                        asked.incrementAndGet();
                        if (!found.isEmpty() && wanted.contains(found.get(0))) {
                            first.incrementAndGet();
                        }
                        if (found.stream().anyMatch(wanted::contains)) {
                            shown.incrementAndGet();
                        }
                    }
                    latencies.add(Arrays.copyOf(mine, n));
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        BenchHttp.report("candidate lookup (GET /api/v1/cases/{id}/person-matches), " + clients + " clients, " + queries.size()
                + " referrals with a true duplicate to pick from", latencies, seconds, errors.get());
        System.out.printf("a true duplicate was the first candidate in %.1f%% of lookups and among those shown in %.1f%% (%d lookups, %.1f candidates shown on average)%n",
                100.0 * first.get() / asked.get(), 100.0 * shown.get() / asked.get(), asked.get(), candidates.get() / (double) asked.get());
    }

    private PeopleLookupBench() {
    }
}
