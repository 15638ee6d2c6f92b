package org.workforcepathways.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * How events leave a service's outbox table for Kafka.
 *
 * @param batchSize events sent per transaction
 * @param pollInterval pause between relay runs when the outbox is empty
 * @param sendTimeout how long a batch may wait for Kafka's acknowledgements before it is retried
 * @param keepSent how long sent events stay in the table
 */
@Validated
@ConfigurationProperties("wrd.outbox")
public record OutboxProperties(@DefaultValue("200") @Min(1) int batchSize,
		@DefaultValue("200ms") Duration pollInterval, @DefaultValue("10s") Duration sendTimeout,
		@DefaultValue("7d") Duration keepSent) {

}
