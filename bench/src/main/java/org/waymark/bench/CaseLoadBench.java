package org.waymark.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A load generator against a running Waymark (bench/casework.sh starts one on PostgreSQL):
 *
 *   intake BASE TOKEN CLIENTS SECONDS      sustained POST /api/v1/referrals, each with its own Idempotency-Key
 *   case-page BASE TOKEN USER PASSWORD IDS_FILE CLIENTS REQUESTS
 *                                          GET /api/v1/cases/{id} and the HTML page /cases/{id} for random ids
 *
 * Prints requests per second and latency percentiles from every request's own timing (no coordinated-omission
 * correction: each client sends its next request when the last is answered, as a caseworker's browser does).
 */
public final class CaseLoadBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "intake" -> intake(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "case-page" -> casePage(args[1], args[2], args[3], args[4], args[5], Integer.parseInt(args[6]), Integer.parseInt(args[7]));
            default -> throw new IllegalArgumentException("intake or case-page");
        }
    }

    static void intake(String base, String token, int clients, int seconds) throws Exception {
        var latencies = new ConcurrentLinkedQueue<long[]>();
        var errors = new AtomicLong();
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(Math.min(10, seconds / 3)).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        var born = LocalDate.now().minusYears(15);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    var random = new Random(client);
                    var mine = new long[1 << 20];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        String body = referral(random, born);
                        var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/referrals"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long start = System.nanoTime();
                        try {
                            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                            long took = System.nanoTime() - start;
                            if (response.statusCode() != 201) {
                                errors.incrementAndGet();
                            } else if (start > warmupEnd && n < mine.length) {
                                mine[n++] = took;
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    latencies.add(Arrays.copyOf(mine, n));
                    return null;
                });
            }
        }
        report("intake, " + clients + " clients, " + seconds + " s measured after warm-up", latencies, seconds, errors.get());
    }

    static void casePage(String base, String token, String user, String password, String idsFile, int clients, int requests) throws Exception {
        var ids = java.nio.file.Files.readAllLines(java.nio.file.Path.of(idsFile)).stream().filter(s -> !s.isBlank()).toList();
        for (String kind : List.of("api", "page")) {
            var latencies = new ConcurrentLinkedQueue<long[]>();
            var errors = new AtomicLong();
            long started = System.nanoTime();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    pool.submit(() -> {
                        var random = new Random(client * 31L + kind.hashCode());
                        String cookie = kind.equals("page") ? signIn(base, user, password) : null;
                        int each = requests / clients;
                        var mine = new long[each];
                        int warm = Math.max(5, each / 10);
                        int n = 0;
                        for (int i = 0; i < each + warm; i++) {
                            String id = ids.get(random.nextInt(ids.size()));
                            var builder = HttpRequest.newBuilder(URI.create(base + (kind.equals("api") ? "/api/v1/cases/" : "/cases/") + id));
                            if (cookie == null) {
                                builder.header("Authorization", "Bearer " + token);
                            } else {
                                builder.header("Cookie", cookie);
                            }
                            long start = System.nanoTime();
                            var response = HTTP.send(builder.GET().build(), HttpResponse.BodyHandlers.ofString());
                            long took = System.nanoTime() - start;
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                            } else if (i >= warm) {
                                mine[n++] = took;
                            }
                        }
                        latencies.add(Arrays.copyOf(mine, n));
                        return null;
                    });
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            report("case " + kind + " (" + (kind.equals("api") ? "GET /api/v1/cases/{id}" : "GET /cases/{id}, HTML") + "), " + clients
                    + " clients, " + ids.size() + " cases to pick from", latencies, seconds, errors.get());
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** Signs in through the real form and returns the session cookie. */
    static String signIn(String base, String user, String password) throws Exception {
        var page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = cookie(page, null);
        var m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("sign-in")) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode() + " " + response.headers().firstValue("Location").orElse(""));
        }
        return cookie(response, cookie);
    }

    private static String cookie(HttpResponse<?> response, String fallback) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("WAYMARK_SESSION="))
                .map(c -> c.split(";", 2)[0]).findFirst().orElse(fallback);
    }

    static final String[] FORENAMES = {"Alex", "Sam", "Jordan", "Riley", "Casey", "Morgan", "Taylor", "Jamie", "Kai", "Rowan", "Ellis", "Noor"};

    static String referral(Random random, LocalDate born) {
        String forename = FORENAMES[random.nextInt(FORENAMES.length)];
        String surname = "Bench" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        String dob = born.minusDays(random.nextInt(2000)).toString();
        return """
                {"forename": "%s", "surname": "%s", "dateOfBirth": "%s", "gender": "MALE", "address": "12 Example Street",
                 "postcode": "NW1 2AB", "localAuthority": "E09000007", "personAware": "NO",
                 "concern": "Synthetic benchmark referral: shared extremist material in a group chat and spoke admiringly of an attacker; teachers noticed withdrawal from friends and a new interest in weapons.",
                 "complexNeeds": ["NEURODIVERSITY"], "otherSafeguarding": "None known", "agenciesInvolved": "School nurse",
                 "referrerName": "Bench Teacher", "referrerOrganisation": "Bench Academy", "referrerSector": "EDUCATION",
                 "referrerEmail": "dsl@bench.example", "ethnicity": "NOT_STATED"}""".formatted(forename, surname, dob);
    }

    static void report(String what, ConcurrentLinkedQueue<long[]> latencies, double seconds, long errors) {
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (all.length == 0) {
            System.out.printf("%s: no successful requests (%d errors)%n", what, errors);
            return;
        }
        System.out.printf("%s: %d requests, %.1f per second, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%n",
                what, all.length, all.length / seconds, pct(all, 50), pct(all, 95), pct(all, 99), all[all.length - 1] / 1e6, errors);
    }

    static double pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private CaseLoadBench() {
    }

}
