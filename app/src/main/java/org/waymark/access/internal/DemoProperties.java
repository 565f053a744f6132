package org.waymark.access.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code waymark.demo}: seed demo organisations and one user per role into an empty database. The launcher
 * turns it on for the embedded database; never for PostgreSQL unless asked with {@code --demo}.
 * {@code waymark.demo-password} fixes the demo password (tests); otherwise one is generated per installation.
 */
@ConfigurationProperties("waymark")
record DemoProperties(boolean demo, String dataDir, String demoPassword) {
}
