package org.waymark.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Referrals sent over the API by several clients at once, each with its own idempotency key, until stopped: what
 * the server answered 201 is kept as acknowledged, everything else (refused, or cut off by a kill) as unanswered.
 * The crash, outage and many-node tests attack "nothing acknowledged is lost" with it.
 */
public final class ReferralLoad {

    public static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    public static final Pattern REFERENCE = Pattern.compile("\"reference\":\"([^\"]+)\"");

    public record Acknowledged(String key, String body, String id, String reference) {
    }

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Acknowledged> acknowledged;
    private final ConcurrentLinkedQueue<String> unanswered;

    private ReferralLoad(ConcurrentLinkedQueue<Acknowledged> acknowledged, ConcurrentLinkedQueue<String> unanswered) {
        this.acknowledged = acknowledged;
        this.unanswered = unanswered;
    }

    /** Starts {@code clients} threads sending to {@code base}; answers are added to the two queues given. */
    public static ReferralLoad start(HttpClient client, String base, String token, int clients, ConcurrentLinkedQueue<Acknowledged> acknowledged,
            ConcurrentLinkedQueue<String> unanswered) {
        var load = new ReferralLoad(acknowledged, unanswered);
        for (int c = 0; c < clients; c++) {
            int clientNo = c;
            load.threads.add(Thread.ofPlatform().start(() -> load.send(client, base, token, clientNo)));
        }
        return load;
    }

    private void send(HttpClient client, String base, String token, int clientNo) {
        int n = 0;
        while (running.get()) {
            String key = "load-" + clientNo + "-" + UUID.randomUUID();
            String body = referral(clientNo, n++);
            try {
                var response = post(client, base, token, key, body);
                if (response.statusCode() == 201) {
                    acknowledged.add(new Acknowledged(key, body, find(ID, response.body()), find(REFERENCE, response.body())));
                } else {
                    unanswered.add(key);
                }
            } catch (Exception killedMidRequest) {
                unanswered.add(key);
                sleep(20);
            }
        }
    }

    /** Stops sending and waits for every client's request in flight to end. */
    public void stop() throws InterruptedException {
        running.set(false);
        for (var t : threads) {
            t.join();
        }
    }

    public static HttpResponse<String> post(HttpClient client, String base, String token, String key, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/referrals")).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A synthetic referral; surnames differ per client and request so nothing is keyed alike. */
    public static String referral(int client, int n) {
        String born = LocalDate.now().minusYears(15).minusDays(40 + n % 300).toString();
        return """
                {"forename":"Crash","surname":"Tester%s","dateOfBirth":"%s","gender":"MALE","postcode":"NW1 2AB",
                 "localAuthority":"E09000007","personAware":"NO","concern":"Synthetic concern for the crash test, client %d number %d.",
                 "referrerName":"Crash Teacher","referrerOrganisation":"Crash Academy","referrerSector":"EDUCATION",
                 "referrerEmail":"dsl@academy.example"}""".formatted(letters(client * 100_000 + n), born, client, n);
    }

    private static String letters(int n) {
        var out = new StringBuilder();
        do {
            out.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return out.toString();
    }

    public static String find(Pattern pattern, String body) {
        var m = pattern.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    public static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
