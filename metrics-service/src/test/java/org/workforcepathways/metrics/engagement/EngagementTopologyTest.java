package org.workforcepathways.metrics.engagement;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.workforcepathways.contracts.CloudEvent;
import org.workforcepathways.contracts.EventJson;
import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.Topics;
import org.workforcepathways.contracts.engagement.SearchPerformed;

import static org.assertj.core.api.Assertions.assertThat;

class EngagementTopologyTest {

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	private TopologyTestDriver driver;

	private TestInputTopic<String, String> engagement;

	private TestOutputTopic<String, String> deadLetters;

	@BeforeEach
	void setUp() {
		StreamsBuilder builder = new StreamsBuilder();
		EngagementTopology.build(builder, CHICAGO);
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "engagement-topology-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		driver = new TopologyTestDriver(builder.build(), config);
		engagement = driver.createInputTopic(Topics.DIRECTORY_ENGAGEMENT, Serdes.String().serializer(),
				Serdes.String().serializer());
		deadLetters = driver.createOutputTopic(Topics.deadLetterOf(Topics.DIRECTORY_ENGAGEMENT),
				Serdes.String().deserializer(), Serdes.String().deserializer());
	}

	@AfterEach
	void tearDown() {
		driver.close();
	}

	private static String search(String query, Instant at) {
		return EventJson.write(CloudEvent.of(EventTypes.SEARCH_PERFORMED, "/test",
				new SearchPerformed(query, 3, Map.of(), null, null), at));
	}

	@Test
	void countsSearchesOnTheRegionsCalendarDay() {
		// 03:00 UTC on the 24th is still the evening of the 23rd in Chicago
		engagement.pipeInput("a", search("welding", Instant.parse("2026-11-24T03:00:00Z")));
		engagement.pipeInput("b", search("cnc", Instant.parse("2026-11-23T15:00:00Z")));
		engagement.pipeInput("c", search("daycare", Instant.parse("2026-11-24T15:00:00Z")));

		KeyValueStore<String, Long> store = driver.getKeyValueStore(EngagementTopology.SEARCHES_PER_DAY);
		assertThat(store.get("2026-11-23")).isEqualTo(2L);
		assertThat(store.get("2026-11-24")).isEqualTo(1L);
		assertThat(deadLetters.isEmpty()).isTrue();
	}

	@Test
	void sendsInvalidEventsToTheDeadLetterTopicWithAReasonAndKeepsCounting() {
		engagement.pipeInput("bad-json", "{not json");
		engagement.pipeInput("bad-field", search("x", Instant.parse("2026-11-23T15:00:00Z")).replace("\"resultCount\":3",
				"\"resultCount\":-1"));
		engagement.pipeInput("good", search("welding", Instant.parse("2026-11-23T15:00:00Z")));

		var rejected = deadLetters.readRecordsToList();
		assertThat(rejected).hasSize(2);
		assertThat(rejected.get(0).value()).isEqualTo("{not json");
		assertThat(reason(rejected.get(0))).startsWith("not JSON");
		assertThat(reason(rejected.get(1))).contains("resultCount");
		KeyValueStore<String, Long> store = driver.getKeyValueStore(EngagementTopology.SEARCHES_PER_DAY);
		assertThat(store.get("2026-11-23")).isEqualTo(1L);
	}

	private static String reason(org.apache.kafka.streams.test.TestRecord<String, String> record) {
		return new String(record.headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER).value(), StandardCharsets.UTF_8);
	}

}
