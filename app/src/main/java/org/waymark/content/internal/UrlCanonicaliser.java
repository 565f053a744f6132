package org.waymark.content.internal;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One spelling per piece of content, so that a second report of it lands on the same item. Lower-case host
 * without {@code www.} or {@code m.}, https, no default port, no user info, no fragment, no tracking
 * parameters, remaining parameters sorted, no trailing slash, dot segments resolved, and the known
 * short-link and mobile forms rewritten to the platform's main form (youtu.be, shorts, twitter.com, redd.it).
 * Nothing is fetched: a link shortener that only the network can resolve stays as it is.
 */
final class UrlCanonicaliser {

    record Canonical(String url, String host) {
    }

    static final class InvalidUrl extends Exception {
        final String code;

        InvalidUrl(String code) {
            super(code);
            this.code = code;
        }
    }

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "igsh", "mc_cid",
            "mc_eid", "_ga", "_gl", "ref_src", "ref_url", "si", "feature", "share_id", "utm");
    /** Parameters that only mean something on one platform: a start time, a share marker. */
    private static final Map<String, Set<String>> TRACKING_ON_HOST = Map.of(
            "youtube.com", Set.of("t", "pp", "ab_channel"),
            "x.com", Set.of("s", "t"),
            "tiktok.com", Set.of("is_from_webapp", "sender_device", "lang"),
            "reddit.com", Set.of("context", "share_id", "rdt"));
    private static final Map<String, String> HOST_ALIASES = Map.of(
            "twitter.com", "x.com", "mobile.twitter.com", "x.com", "youtube-nocookie.com", "youtube.com",
            "instagr.am", "instagram.com", "telegram.me", "t.me", "fb.com", "facebook.com", "old.reddit.com", "reddit.com");
    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{6,20}");
    private static final Pattern REDDIT_POST = Pattern.compile("^/r/[^/]+/comments/([a-z0-9]+)(/.*)?$");

    private UrlCanonicaliser() {
    }

    static Canonical canonicalise(String input) throws InvalidUrl {
        if (input == null || input.isBlank()) {
            throw new InvalidUrl("content.url.missing");
        }
        String raw = input.strip();
        if (raw.length() > 2048) {
            throw new InvalidUrl("content.url.tooLong");
        }
        if (!raw.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            raw = "https://" + raw;
        }
        raw = asciiHost(raw);
        URI uri;
        try {
            uri = new URI(raw.replace(" ", "%20").replace("|", "%7C"));
        } catch (URISyntaxException e) {
            throw new InvalidUrl("content.url.invalid");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidUrl("content.url.scheme");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank() || !host.contains(".") && !host.equals("localhost")) {
            throw new InvalidUrl("content.url.invalid");
        }
        try {
            host = IDN.toASCII(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidUrl("content.url.invalid");
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        for (String prefix : List.of("www.", "m.", "mobile.")) {
            if (host.startsWith(prefix) && host.indexOf('.', prefix.length()) > 0) {
                host = host.substring(prefix.length());
            }
        }
        host = HOST_ALIASES.getOrDefault(host, host);
        int port = uri.getPort();
        if (port == 80 && scheme.equals("http") || port == 443) {
            port = -1;
        }
        // Local addresses keep their scheme and port: they are test servers and intranet pages, not platforms.
        boolean local = host.equals("localhost") || host.matches("^127\\.\\d+\\.\\d+\\.\\d+$");
        if (!local) {
            scheme = "https";
            if (port == 80) {
                port = -1;
            }
        }
        String path = uri.normalize().getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        path = path.replaceAll("/{2,}", "/");
        var params = parameters(uri.getRawQuery(), host);

        // Known short-link and alternative forms.
        if (host.equals("youtu.be") && path.length() > 1 && YOUTUBE_ID.matcher(path.substring(1)).matches()) {
            params.removeIf(p -> p[0].equals("v"));
            params.add(new String[] {"v", path.substring(1)});
            host = "youtube.com";
            path = "/watch";
            params.removeIf(p -> TRACKING_ON_HOST.get("youtube.com").contains(p[0]));
        } else if (host.equals("youtube.com") && (path.startsWith("/shorts/") || path.startsWith("/live/") || path.startsWith("/embed/"))) {
            String id = path.substring(path.indexOf('/', 1) + 1).replaceAll("/.*$", "");
            if (YOUTUBE_ID.matcher(id).matches()) {
                params.removeIf(p -> p[0].equals("v"));
                params.add(new String[] {"v", id});
                path = "/watch";
            }
        } else if (host.equals("redd.it") && path.length() > 1) {
            host = "reddit.com";
            path = "/comments/" + path.substring(1).toLowerCase(Locale.ROOT);
        } else if (host.equals("reddit.com")) {
            var m = REDDIT_POST.matcher(path.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                path = "/comments/" + m.group(1);
            }
        } else if (host.equals("t.me") && path.startsWith("/s/")) {
            path = path.substring(2);
        }
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        params.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        var url = new StringBuilder(scheme).append("://").append(host);
        if (port > 0) {
            url.append(':').append(port);
        }
        url.append(path);
        for (int i = 0; i < params.size(); i++) {
            url.append(i == 0 ? '?' : '&').append(params.get(i)[0]);
            if (params.get(i)[1] != null) {
                url.append('=').append(params.get(i)[1]);
            }
        }
        return new Canonical(url.toString(), host);
    }

    private static final Pattern AUTHORITY = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)(?:[^@/?#]*@)?([^:/?#]*)(.*)$");

    /** java.net.URI only reads ASCII host names: an internationalised one becomes its punycode form first. */
    private static String asciiHost(String raw) throws InvalidUrl {
        var m = AUTHORITY.matcher(raw);
        if (!m.matches() || m.group(2).chars().allMatch(c -> c < 128)) {
            return raw;
        }
        try {
            return m.group(1) + IDN.toASCII(m.group(2)) + m.group(3);
        } catch (IllegalArgumentException e) {
            throw new InvalidUrl("content.url.invalid");
        }
    }

    /** Query parameters without the tracking ones; names compared decoded and lower-case. */
    private static List<String[]> parameters(String rawQuery, String host) {
        var kept = new ArrayList<String[]>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return kept;
        }
        var hostSpecific = TRACKING_ON_HOST.getOrDefault(host, Set.of());
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? null : pair.substring(eq + 1);
            String decoded = URLDecoder.decode(name, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            if (decoded.startsWith("utm_") || TRACKING.contains(decoded) || hostSpecific.contains(decoded)) {
                continue;
            }
            kept.add(new String[] {name, value});
        }
        return kept;
    }
}
