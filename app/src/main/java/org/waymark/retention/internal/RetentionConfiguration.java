package org.waymark.retention.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({RetentionSettings.class, SubjectAccessSettings.class})
class RetentionConfiguration {
}
