package org.waymark.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * What the Java load generators share, and a way for the shell benchmarks to sign in:
 *
 *   sign-in BASE USER PASSWORD     signs in through the real form and prints the session cookie (for wrk's -H)
 */
public final class BenchHttp {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    public static void main(String[] args) throws Exception {
        if (args.length != 4 || !args[0].equals("sign-in")) {
            throw new IllegalArgumentException("sign-in BASE USER PASSWORD");
        }
        System.out.println(signIn(args[1], args[2], args[3]));
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

    private BenchHttp() {
    }
}
