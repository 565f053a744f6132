package org.waymark.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user agent over real HTTP with its own cookie jar. (java.net's CookieManager will not send Secure
 * cookies over http://localhost, as browsers do, so cookies are kept here.) Redirects are not followed,
 * so tests see each one.
 */
public class TestHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String lastCsrf;
    private String bearer;

    public TestHttp(String base) {
        this.base = base;
    }

    public TestHttp bearer(String token) {
        this.bearer = token;
        return this;
    }

    private final Map<String, String> always = new LinkedHashMap<>();

    /** The server forgets this browser's session (it timed out), while the page it was on, with its form token, stays open. */
    public TestHttp sessionExpires() {
        cookies.clear();
        return this;
    }

    /** Sends this header on every request (a proxy's X-Forwarded-For, say). */
    public TestHttp header(String name, String value) {
        always.put(name, value);
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        var body = new LinkedHashMap<>(form);
        if (lastCsrf != null && !body.containsKey("_csrf")) {
            body.put("_csrf", lastCsrf);
        }
        String encoded = body.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)));
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A multipart/form-data post with text fields and one file, as a browser sends an upload form. */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] file) {
        String boundary = "----waymark" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        var all = new LinkedHashMap<>(fields);
        if (lastCsrf != null && bearer == null && !all.containsKey("_csrf")) {
            all.put("_csrf", lastCsrf);
        }
        try {
            for (var e : all.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            if (file != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(file);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Any method with a JSON body (or none) and extra headers given as name, value pairs. */
    public HttpResponse<String> send(String method, String path, String json, String... headers) {
        var builder = request(path).method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    /** A download, as bytes. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> setCookieHeaders(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie");
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        always.forEach(builder::header);
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            var response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            var matcher = CSRF.matcher(response.body());
            if (matcher.find()) {
                lastCsrf = matcher.group(1);
            }
            return response;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
