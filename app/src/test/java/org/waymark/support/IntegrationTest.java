package org.waymark.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running application on a random port, over real HTTP, on the database the failsafe execution names.
 * Classes that need a database of their own (they tamper with it) add a distinguishing property, which
 * gives them their own Spring context and so their own database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "waymark.audit.seal-interval=PT1H",
        "waymark.audit.checkpoint-interval=PT0S",
        "server.shutdown=immediate",
        // The tests' own client stands in for a reverse proxy, so a test can speak for several source addresses.
        "waymark.trusted-proxies=127.0.0.1",
        // Referral letters must carry the unit's contact point; without one, approvals are refused (its own test).
        "waymark.content.contact-point=CTIRU test contact point: ctiru.test@example.invalid",
        // Spring keeps each test context (and its pool) open for reuse: idle connections are given back within
        // seconds, so PostgreSQL's 100 connections cover every cached context and the CLI subprocesses tests start.
        "spring.datasource.hikari.maximum-pool-size=20",
        "spring.datasource.hikari.minimum-idle=1",
        "spring.datasource.hikari.idle-timeout=10000",
        "logging.level.org.waymark=WARN"})
@Import(IntegrationTest.Clocks.class)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected TestClock clock;

    @BeforeAll
    static void databaseAvailable() {
        if (TestDatabase.postgres() && !TestDatabase.postgresRequired()) {
            String problem = TestDatabase.postgresProblem();
            Assumptions.assumeTrue(problem == null, "PostgreSQL is not reachable at " + TestDatabase.ADMIN_URL
                    + " (" + problem + "); skipping the PostgreSQL run. CI sets -Dwaymark.test.require-postgres=true.");
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        var db = TestDatabase.create();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        if (db.password() != null) {
            registry.add("spring.datasource.password", db::password);
        }
        registry.add("waymark.data-dir", () -> db.dataDir().toString());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        /** Primary, so it is the Clock every component gets. */
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
