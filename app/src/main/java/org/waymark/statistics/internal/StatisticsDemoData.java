package org.waymark.statistics.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In demo mode, three financial years of synthetic history (2023/24 to 2025/26, about 6,900 referrals each, from
 * bench's generator with seed 4242), imported as a legacy system's would be, so the analyst's and manager's
 * dashboards have something to show beside the demo's live cases. No names: statistical records only.
 */
@Component
class StatisticsDemoData {

    private static final Logger log = LoggerFactory.getLogger(StatisticsDemoData.class);
    static final String HISTORY = "demo/referral-history.csv.gz";

    private final boolean demo;
    private final JdbcClient jdbc;
    private final ReferralImport imports;

    StatisticsDemoData(@Value("${waymark.demo:false}") boolean demo, JdbcClient jdbc, ReferralImport imports) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.imports = imports;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(40)
    void seedIfEmpty(ApplicationReadyEvent event) throws IOException {
        if (!demo || !(event.getApplicationContext() instanceof WebServerApplicationContext)
                || jdbc.sql("select count(*) from statistical_record where imported = true").query(Integer.class).single() > 0) {
            return;
        }
        try (InputStream in = new GZIPInputStream(StatisticsDemoData.class.getClassLoader().getResourceAsStream(HISTORY))) {
            var outcome = imports.importCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8), "demo", null);
            log.info("Demo statistics: {} referrals of synthetic history imported", outcome.imported());
        }
    }
}
