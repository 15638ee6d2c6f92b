package org.workforcepathways.metrics.config;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeZone the region's time zone: an event counts on the calendar day it happened there
 */
@ConfigurationProperties("metrics")
public record MetricsProperties(@DefaultValue("America/Chicago") ZoneId timeZone) {

}
