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

    /** Longer than any platform's own addresses; what is longer is not a URL someone copied. */
    static final int MOST_LENGTH = 2048;

    private UrlCanonicaliser() {
    }

    /** A URL taken apart while it is made canonical. */
    private static final class Parts {
        String scheme;
        String host;
        int port;
        String path;
        List<String[]> params;
    }

    static Canonical canonicalise(String input) throws InvalidUrl {
        URI uri = parse(input);
        var parts = new Parts();
        parts.scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!parts.scheme.equals("http") && !parts.scheme.equals("https")) {
            throw new InvalidUrl("content.url.scheme");
        }
        parts.host = host(uri);
        parts.port = uri.getPort();
        if (parts.port == 80 && parts.scheme.equals("http") || parts.port == 443) {
            parts.port = -1;
        }
        // Local addresses keep their scheme and port: they are test servers and intranet pages, not platforms.
        boolean local = parts.host.equals("localhost") || parts.host.matches("^127\\.\\d+\\.\\d+\\.\\d+$");
        if (!local) {
            parts.scheme = "https";
            if (parts.port == 80) {
                parts.port = -1;
            }
        }
        String path = uri.normalize().getRawPath();
        parts.path = (path == null || path.isEmpty() ? "/" : path).replaceAll("/{2,}", "/");
        parts.params = parameters(uri.getRawQuery(), parts.host);
        // The trailing slash goes before the known forms are read: "youtu.be/ID/" is "youtu.be/ID" (found by fuzzing).
        if (parts.path.length() > 1 && parts.path.endsWith("/")) {
            parts.path = parts.path.substring(0, parts.path.length() - 1);
        }
        // Once is enough: each form lands on one no rule rewrites again (found by fuzzing: "t.me/s/s/NAME" strips in full).
        knownForms(parts);
        // A short link read as its platform's page drops what tracks on that platform too ("youtu.be/ID?t=1").
        String host = parts.host;
        parts.params.removeIf(p -> tracking(p[0], host));
        // A name given once bare and once with a value ("?a&a=1") has a null value to sort (an NPE, found by fuzzing).
        parts.params.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1], Comparator.nullsFirst(Comparator.naturalOrder())));
        String url = render(parts);
        if (url.length() > MOST_LENGTH) {
            // A short link read in full, or characters escaped, can outgrow the limit: what is kept must be accepted again.
            throw new InvalidUrl("content.url.tooLong");
        }
        return new Canonical(url, parts.host);
    }

    private static URI parse(String input) throws InvalidUrl {
        if (input == null || input.isBlank()) {
            throw new InvalidUrl("content.url.missing");
        }
        String raw = input.strip();
        if (raw.length() > MOST_LENGTH) {
            throw new InvalidUrl("content.url.tooLong");
        }
        if (!raw.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            raw = "https://" + raw;
        }
        raw = asciiHost(raw);
        try {
            return new URI(raw.replace(" ", "%20").replace("|", "%7C"));
        } catch (URISyntaxException e) {
            throw new InvalidUrl("content.url.invalid");
        }
    }

    /** The host in lower-case ASCII, without a trailing dot, www., m. or mobile., and under the platform's main name. */
    static String host(URI uri) throws InvalidUrl {
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
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
        // Checked once the trailing dot is gone: "mobile." is a single label, as "mobile" is (found by fuzzing).
        if (!host.contains(".") && !host.equals("localhost")) {
            throw new InvalidUrl("content.url.invalid");
        }
        // Until none is left, in any order ("m.m.", "m.www."): a canonical host must canonicalise to itself (found by fuzzing).
        for (boolean stripped = true; stripped; ) {
            stripped = false;
            for (String prefix : List.of("www.", "m.", "mobile.")) {
                if (host.startsWith(prefix) && host.indexOf('.', prefix.length()) > 0) {
                    host = host.substring(prefix.length());
                    stripped = true;
                }
            }
        }
        return HOST_ALIASES.getOrDefault(host, host);
    }

    /** Known short-link and alternative forms, as their platform's canonical page. */
    private static void knownForms(Parts u) {
        if (u.host.equals("youtu.be") && u.path.length() > 1 && YOUTUBE_ID.matcher(u.path.substring(1)).matches()) {
            u.params.removeIf(p -> p[0].equals("v"));
            u.params.add(new String[] {"v", u.path.substring(1)});
            u.host = "youtube.com";
            u.path = "/watch";
        } else if (u.host.equals("youtube.com") && (u.path.startsWith("/shorts/") || u.path.startsWith("/live/") || u.path.startsWith("/embed/"))) {
            String id = u.path.substring(u.path.indexOf('/', 1) + 1).replaceAll("/.*$", "");
            if (YOUTUBE_ID.matcher(id).matches()) {
                u.params.removeIf(p -> p[0].equals("v"));
                u.params.add(new String[] {"v", id});
                u.path = "/watch";
            }
        } else if (u.host.equals("redd.it") && u.path.length() > 1) {
            u.host = "reddit.com";
            u.path = "/comments/" + u.path.substring(1).toLowerCase(Locale.ROOT);
        } else if (u.host.equals("reddit.com")) {
            var m = REDDIT_POST.matcher(u.path.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                u.path = "/comments/" + m.group(1);
            }
        } else if (u.host.equals("t.me")) {
            while (u.path.startsWith("/s/")) {
                u.path = u.path.substring(2);
            }
        }
    }

    private static String render(Parts u) {
        var url = new StringBuilder(u.scheme).append("://").append(u.host);
        if (u.port > 0) {
            url.append(':').append(u.port);
        }
        url.append(u.path);
        for (int i = 0; i < u.params.size(); i++) {
            url.append(i == 0 ? '?' : '&').append(u.params.get(i)[0]);
            if (u.params.get(i)[1] != null) {
                url.append('=').append(u.params.get(i)[1]);
            }
        }
        return url.toString();
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

    /** Whether a parameter only tracks who shared the link, on this host; the name compared decoded and lower-case. */
    private static boolean tracking(String name, String host) {
        String decoded = URLDecoder.decode(name, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return decoded.startsWith("utm_") || TRACKING.contains(decoded) || TRACKING_ON_HOST.getOrDefault(host, Set.of()).contains(decoded);
    }

    /** Query parameters without the tracking ones; names compared decoded and lower-case. */
    private static List<String[]> parameters(String rawQuery, String host) {
        var kept = new ArrayList<String[]>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return kept;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? null : pair.substring(eq + 1);
            if (tracking(name, host)) {
                continue;
            }
            kept.add(new String[] {name, value});
        }
        return kept;
    }
}
