package org.workforcepathways.metrics.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param timeZone the region's time zone: an event counts on the calendar day it happened there
 * @param dedupWindow how long an event id is remembered: a redelivery within it is not counted again
 * @param suppressBelow counts from 1 up to this minus one show as "&lt;N" in every report (never below 5)
 * @param topQueries how many zero-result searches a report lists
 * @param directoryUrl where a campaign link ({@code /c/{code}}) sends people
 * @param publicUrl this deployment's public address, printed in QR codes ({@code <publicUrl>/c/<code>})
 * @param source the CloudEvents source of the landings this service records
 * @param demoCampaign create the sample campaign of the demo stack at start
 * @param generation part of the Kafka Streams application id: a new generation replays every topic from the start
 */
@Validated
@ConfigurationProperties("metrics")
public record MetricsProperties(@DefaultValue("America/Chicago") ZoneId timeZone,
		@DefaultValue("35d") Duration dedupWindow,
		@DefaultValue("10") @Min(value = 5, message = "must be at least 5: smaller counts could identify a person") int suppressBelow,
		@DefaultValue("20") @Min(1) @Max(200) int topQueries, @DefaultValue("http://localhost:8080/") @NotNull URI directoryUrl,
		@DefaultValue("http://localhost:8080") @NotNull URI publicUrl, @DefaultValue("/metrics-service") String source,
		@DefaultValue("false") boolean demoCampaign, @DefaultValue("1") @Min(1) int generation) {

}
