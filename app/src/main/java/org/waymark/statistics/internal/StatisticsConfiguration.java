package org.waymark.statistics.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(StatisticsSettings.class)
class StatisticsConfiguration {
}
