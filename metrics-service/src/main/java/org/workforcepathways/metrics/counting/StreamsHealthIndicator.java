package org.workforcepathways.metrics.counting;

import org.apache.kafka.streams.KafkaStreams;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/** Ready only while the streams run: before that the figures are not there to read. */
@Component("kafkaStreamsHealthIndicator")
class StreamsHealthIndicator extends AbstractHealthIndicator {

	private final StreamsBuilderFactoryBean factory;

	StreamsHealthIndicator(StreamsBuilderFactoryBean factory) {
		this.factory = factory;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		KafkaStreams streams = factory.getKafkaStreams();
		KafkaStreams.State state = streams == null ? null : streams.state();
		(state == KafkaStreams.State.RUNNING ? builder.up() : builder.outOfService()).withDetail("state",
				String.valueOf(state));
	}

}
