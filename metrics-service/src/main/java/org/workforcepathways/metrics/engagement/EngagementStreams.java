package org.workforcepathways.metrics.engagement;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.ErrorResponseException;

import org.workforcepathways.metrics.config.MetricsProperties;
import org.workforcepathways.platform.Problems;

/** Wires the engagement topology into the application's Kafka Streams and reads its stores. */
@Configuration(proxyBeanMethods = false)
class EngagementStreams {

	private final StreamsBuilderFactoryBean factory;

	EngagementStreams(StreamsBuilderFactoryBean factory) {
		this.factory = factory;
	}

	@Bean
	Object engagementTopology(StreamsBuilder builder, MetricsProperties properties) {
		EngagementTopology.build(builder, properties.timeZone());
		return EngagementTopology.class;
	}

	ReadOnlyKeyValueStore<String, Long> searchesPerDay() {
		KafkaStreams streams = factory.getKafkaStreams();
		if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
			var problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "metrics-warming-up",
					"The figures are being rebuilt; try again in a few seconds.");
			throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
		}
		return streams.store(StoreQueryParameters.fromNameAndType(EngagementTopology.SEARCHES_PER_DAY,
				QueryableStoreTypes.keyValueStore()));
	}

}
