package org.waymark.content.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import javax.imageio.ImageIO;

import org.springframework.context.ApplicationContext;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.TestHttp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Images to capture, and an item taken through to a referral over the API, for tests. */
public final class ContentFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private ContentFixtures() {
    }

    /** A detailed synthetic picture (blocks of colour from a seed), so its PDQ quality is high. */
    static BufferedImage picture(long seed) {
        return ContentDemoData.shapes(seed);
    }

    static BufferedImage rotate90(BufferedImage in) {
        var out = new BufferedImage(in.getHeight(), in.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                out.setRGB(in.getHeight() - 1 - y, x, in.getRGB(x, y));
            }
        }
        return out;
    }

    static byte[] encode(BufferedImage image, String format) {
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /** Ids of an item with a captured picture, assessed by one analyst and referred on another's approval. */
    public record Referred(String itemId, String referralId, String captureId) {
    }

    public static Referred referredItem(ApplicationContext context, String baseUrl, String url) {
        return referredItem(context, baseUrl, url, encode(picture(System.nanoTime()), "png"));
    }

    /** A bulk intake of one URL by a new analyst; answers its id. */
    public static String intake(ApplicationContext context, String baseUrl, String url) {
        var analyst = new TestHttp(baseUrl).bearer(AccessFixtures.token(context,
                AccessFixtures.createUser(context, "fixture.intake." + System.nanoTime(), Role.CONTENT_ANALYST, "CTIRU", null), 1));
        return json(analyst.postMultipart("/api/v1/content-intakes", Map.of("source", "ANALYST", "urls", url), null, null, null).body())
                .get("intake").get("id").asString();
    }

    /** An item with {@code png} captured, assessed illegal and approved by a second analyst, so its capture is banked. */
    static Referred referredItem(ApplicationContext context, String baseUrl, String url, byte[] png) {
        String suffix = Long.toString(System.nanoTime());
        var first = new TestHttp(baseUrl).bearer(AccessFixtures.token(context,
                AccessFixtures.createUser(context, "fixture.assessor." + suffix, Role.CONTENT_ANALYST, "CTIRU", null), 1));
        var second = new TestHttp(baseUrl).bearer(AccessFixtures.token(context,
                AccessFixtures.createUser(context, "fixture.approver." + suffix, Role.CONTENT_ANALYST, "CTIRU", null), 1));
        String itemId = json(first.postJson("/api/v1/content-items", "{\"url\":\"" + url + "\",\"source\":\"ANALYST\"}").body())
                .get("id").asString();
        var capture = json(first.postMultipart("/api/v1/content-items/" + itemId + "/captures", Map.of(), "file", "capture.png", png).body());
        first.postJson("/api/v1/content-items/" + itemId + "/assessments", """
                {"outcome":"ILLEGAL","tactSection3":true,"tcoReasons":["INCITES"],"ideology":"EXTREME_RIGHT_WING",
                 "rationale":"Fixture: glorifies an attack and urges others to copy it."}""");
        var referral = json(second.postJson("/api/v1/content-items/" + itemId + "/approval", "{\"decision\":\"APPROVED\"}").body());
        return new Referred(itemId, referral.get("id").asString(), capture.get("id").asString());
    }
}
