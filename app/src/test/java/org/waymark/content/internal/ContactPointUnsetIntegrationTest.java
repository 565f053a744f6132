package org.waymark.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.waymark.access.Role;
import org.waymark.access.internal.AccessFixtures;
import org.waymark.support.IntegrationTest;
import org.waymark.support.TestHttp;

/** Issue 12 item 16: no referral letter is issued while the unit's contact point is unset (outside a demo). */
@TestPropertySource(properties = {"waymark.content.contact-point=", "waymark.demo=false"})
class ContactPointUnsetIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void approvalIsRefusedUntilTheContactPointIsSet() {
        String suffix = Long.toString(System.nanoTime());
        var first = new TestHttp(baseUrl()).bearer(AccessFixtures.token(context,
                AccessFixtures.createUser(context, "cp.assessor." + suffix, Role.CONTENT_ANALYST, "CTIRU", null), 1));
        var second = new TestHttp(baseUrl()).bearer(AccessFixtures.token(context,
                AccessFixtures.createUser(context, "cp.approver." + suffix, Role.CONTENT_ANALYST, "CTIRU", null), 1));
        String itemId = ContentFixtures.json(first.postJson("/api/v1/content-items",
                "{\"url\":\"https://video.example/watch?v=cp" + suffix + "\",\"source\":\"ANALYST\"}").body()).get("id").asString();
        first.postMultipart("/api/v1/content-items/" + itemId + "/captures", Map.of(), "file", "capture.png",
                ContentFixtures.encode(ContentFixtures.picture(suffix.hashCode()), "png"));
        assertThat(first.postJson("/api/v1/content-items/" + itemId + "/assessments", """
                {"outcome":"ILLEGAL","tactSection3":true,"tcoReasons":["INCITES"],"ideology":"EXTREME_RIGHT_WING",
                 "rationale":"Glorifies an attack and urges others to copy it."}""").statusCode()).isEqualTo(201);
        var refused = second.postJson("/api/v1/content-items/" + itemId + "/approval", "{\"decision\":\"APPROVED\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("contact point is set").contains("WAYMARK_CONTENT_CONTACT_POINT");
        // Nothing was issued: the item still waits for approval.
        assertThat(ContentFixtures.json(second.get("/api/v1/content-items/" + itemId).body()).get("item").get("status").asString())
                .isEqualTo("AWAITING_APPROVAL");
    }
}
