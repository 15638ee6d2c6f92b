package org.workforcepathways.metrics.counting;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.ErrorResponseException;

import org.workforcepathways.metrics.config.MetricsProperties;
import org.workforcepathways.platform.Problems;

/** Wires the counting topology into the application's Kafka Streams and opens its stores to the report. */
@Configuration(proxyBeanMethods = false)
public class CountingStreams {

	private final StreamsBuilderFactoryBean factory;

	CountingStreams(StreamsBuilderFactoryBean factory) {
		this.factory = factory;
	}

	@Bean
	Object countingTopology(StreamsBuilder builder, MetricsProperties properties) {
		CountingTopology.build(builder, properties.timeZone(), properties.dedupWindow());
		return CountingTopology.class;
	}

	/** The counters and snapshots as they stand; 503 while the streams are (re)building them. */
	public Figures figures() {
		return new Figures(store(CountingTopology.COUNTS, QueryableStoreTypes.keyValueStore()),
				store(CountingTopology.LISTINGS, QueryableStoreTypes.keyValueStore()),
				store(CountingTopology.REFERRED_LISTINGS, QueryableStoreTypes.keyValueStore()),
				store(CountingTopology.ATTENDANCE, QueryableStoreTypes.keyValueStore()),
				store(CountingTopology.SURVEY, QueryableStoreTypes.keyValueStore()));
	}

	private <T> T store(String name, QueryableStoreType<T> type) {
		KafkaStreams streams = factory.getKafkaStreams();
		if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
			var problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "metrics-warming-up",
					"The figures are being rebuilt; try again in a few seconds.");
			throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
		}
		return streams.store(StoreQueryParameters.fromNameAndType(name, type));
	}

	/** Read-only views of the topology's stores. */
	public record Figures(ReadOnlyKeyValueStore<String, Long> counts, ReadOnlyKeyValueStore<String, String> listings,
			ReadOnlyKeyValueStore<String, String> referredListings, ReadOnlyKeyValueStore<String, String> attendance,
			ReadOnlyKeyValueStore<String, String> survey) {

	}

}
