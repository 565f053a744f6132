package org.waymark.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * What a Spring Modulith module test (annotated {@code @ApplicationModuleTest}) shares with {@link IntegrationTest}: a
 * database of its own on the failsafe execution's engine, no background sealing, quiet logs.
 */
@TestPropertySource(properties = {"waymark.audit.seal-interval=PT1H", "waymark.audit.checkpoint-interval=PT0S", "logging.level.org.waymark=WARN"})
public abstract class ModuleScenarioTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SeededCase.database(registry);
    }
}
