package org.waymark.content.internal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.access.CurrentUser;
import org.waymark.access.Role;

/**
 * In demo mode, a workbench with something on it: five synthetic items at every stage (removed, referred,
 * awaiting approval, awaiting assessment, not illegal), made through the real workflow by the two demo
 * analysts. The addresses are invented; the captured pictures are generated shapes.
 */
@Component
class ContentDemoData {

    private static final Logger log = LoggerFactory.getLogger(ContentDemoData.class);

    private final boolean demo;
    private final JdbcClient jdbc;
    private final org.waymark.access.Directory directory;
    private final ContentWorkflow workflow;
    private final ContentDecisions decisions;

    ContentDemoData(@Value("${waymark.demo:false}") boolean demo, JdbcClient jdbc, org.waymark.access.Directory directory, ContentWorkflow workflow,
            ContentDecisions decisions) {
        this.decisions = decisions;
        this.directory = directory;
        this.demo = demo;
        this.jdbc = jdbc;
        this.workflow = workflow;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void seedIfEmpty(ApplicationReadyEvent event) {
        if (!demo || !(event.getApplicationContext() instanceof WebServerApplicationContext)
                || jdbc.sql("select count(*) from content_item").query(Integer.class).single() > 0) {
            return;
        }
        var first = analyst("demo.content");
        var second = analyst("demo.content2");
        if (first.isEmpty() || second.isEmpty()) {
            return;
        }
        var a = first.get();
        var b = second.get();

        var removed = workflow.report(a, "https://www.youtube.com/watch?v=wmkDemo0001&utm_source=share", "ANALYST",
                "Demo: a recruitment video found while patrolling", picture(1)).item();
        decisions.assess(a, removed.id(), new ContentDecisions.AssessmentForm("ILLEGAL", true, List.of("INCITES", "SOLICITS_GROUP"),
                "ISLAMIST", "ISIL", "Demo: calls on viewers to travel and join the group, and praises an attack.", null));
        var referral = decisions.decide(b, removed.id(), "APPROVED", null);
        decisions.recordOutcome(b, referral.id(), "REMOVED", null, "Demo: the platform confirmed removal", new org.waymark.govuk.FormErrors());

        var referred = workflow.report(b, "https://t.me/s/wmk_demo_channel/42", "PARTNER_UNIT",
                "Demo: passed on by a partner unit", picture(2)).item();
        decisions.assess(b, referred.id(), new ContentDecisions.AssessmentForm("ILLEGAL", true, List.of("INSTRUCTS"), "EXTREME_RIGHT_WING",
                "TERRORGRAM", "Demo: step-by-step instructions for making a weapon, with a call to use it.", null));
        decisions.decide(a, referred.id(), "APPROVED", null);

        var awaitingApproval = workflow.report(a, "https://twitter.com/wmk_demo_account/status/1000000000000000001?s=20", "ANALYST",
                null, null).item();
        decisions.assess(a, awaitingApproval.id(), new ContentDecisions.AssessmentForm("ILLEGAL", false, List.of("THREATENS"),
                "MIXED_UNCLEAR", null, "Demo: a specific threat to attack a named place on a named day.", null));

        workflow.report(b, "https://files.example/wmk-demo-leaflet.pdf", "PUBLIC_REPORT", "Demo: reported by a member of the public", null);

        var notIllegal = workflow.report(a, "https://www.tiktok.com/@wmk.demo/video/7000000000000000001", "ANALYST", null, null).item();
        decisions.assess(a, notIllegal.id(), new ContentDecisions.AssessmentForm("NOT_ILLEGAL", false, List.of(), null, null,
                "Demo: news reporting of an attack, without glorification.", null));
        log.info("Seeded demo internet referral items: 5");
    }

    private Optional<CurrentUser> analyst(String username) {
        return directory.demoUser(username);
    }

    private static ContentWorkflow.Upload picture(long seed) {
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(shapes(seed), "png", out);
            return new ContentWorkflow.Upload("demo-capture-" + seed + ".png", out.toByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Coloured rectangles from a seed: detailed enough for a PDQ quality over 50, and nothing real. Square,
     * because a quarter turn of a non-square image resamples differently (3% of 300 seeds then matched their
     * rotated copy at more than 31 bits; square ones at 6 or fewer, JPEG included).
     */
    static BufferedImage shapes(long seed) {
        var random = new Random(seed);
        var image = new BufferedImage(320, 320, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillRect(random.nextInt(300), random.nextInt(300), 20 + random.nextInt(120), 20 + random.nextInt(90));
        }
        g.dispose();
        return image;
    }
}
