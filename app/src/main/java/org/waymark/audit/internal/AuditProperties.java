package org.waymark.audit.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code waymark.audit.*}. {@code key}: base64 HMAC key for entry MACs (generated into the data folder when
 * unset); {@code checkpointDir}: where chain checkpoints are appended, ideally storage the database's
 * administrators cannot rewrite.
 */
@ConfigurationProperties("waymark.audit")
record AuditProperties(String key, Path checkpointDir, Duration sealInterval, Duration checkpointInterval) {
}
