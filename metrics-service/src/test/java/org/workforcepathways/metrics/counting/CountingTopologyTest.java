package org.workforcepathways.metrics.counting;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
import org.workforcepathways.contracts.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforcepathways.metrics.counting.Events.json;

class CountingTopologyTest {

	static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	private TopologyTestDriver driver;

	private TestInputTopic<String, String> engagement;

	private TestInputTopic<String, String> lifecycle;

	private TestInputTopic<String, String> listings;

	private KeyValueStore<String, Long> counts;

	private Instant clock = Instant.parse("2026-10-01T15:00:00Z");

	@BeforeEach
	void setUp() {
		StreamsBuilder builder = new StreamsBuilder();
		CountingTopology.build(builder, CHICAGO, Duration.ofDays(35), false);
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "counting-topology-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		driver = new TopologyTestDriver(builder.build(), config);
		engagement = input(Topics.DIRECTORY_ENGAGEMENT);
		lifecycle = input(Topics.REFERRAL_LIFECYCLE);
		listings = input(Topics.LISTING_CHANGES);
		counts = driver.getKeyValueStore(CountingTopology.COUNTS);
	}

	private TestInputTopic<String, String> input(String topic) {
		return driver.createInputTopic(topic, Serdes.String().serializer(), Serdes.String().serializer());
	}

	@AfterEach
	void tearDown() {
		driver.close();
	}

	/** Pipes an event as its producer would, keyed by its entity, with the broker's time advancing. */
	private void send(TestInputTopic<String, String> topic, String key, CloudEvent<?> event) {
		clock = clock.plusSeconds(60);
		topic.pipeInput(key, json(event), clock);
	}

	private long count(String key) {
		Long n = counts.get(key);
		return n == null ? 0 : n;
	}

	@Test
	void countsOnTheRegionsCalendarDayAndALateEventLandsOnItsOwnDay() {
		// 03:00 UTC on 2 October is still the evening of 1 October in Chicago
		send(engagement, "a", Events.search("welding", 3, null, Instant.parse("2026-10-02T03:00:00Z")));
		send(engagement, "b", Events.search("cnc", 5, "BB-1", Instant.parse("2026-10-02T15:00:00Z")));
		// published three weeks late (a phone that was offline): it counts on 10 September
		send(engagement, "c", Events.search("forklift", 2, null, Instant.parse("2026-09-10T15:00:00Z")));

		assertThat(count("search|2026-10-01|-")).isEqualTo(1);
		assertThat(count("search|2026-10-02|BB-1")).isEqualTo(1);
		assertThat(count("search|2026-09-10|-")).isEqualTo(1);
	}

	@Test
	void anEventDeliveredTwiceCountsOnce() {
		var search = Events.search("welding", 0, null, Instant.parse("2026-10-02T15:00:00Z"));
		send(engagement, "k", search);
		send(engagement, "k", search);
		send(engagement, "k", Events.search("welding", 0, null, Instant.parse("2026-10-02T16:00:00Z")));

		assertThat(count("search|2026-10-02|-")).isEqualTo(2);
		assertThat(count("search.zero|2026-10-02|welding")).isEqualTo(2);
	}

	@Test
	void invalidEventsGoToTheirTopicsDeadLetterTopicWithTheReasonAndCountingGoesOn() {
		TestOutputTopic<String, String> engagementDlt = output(Topics.deadLetterOf(Topics.DIRECTORY_ENGAGEMENT));
		TestOutputTopic<String, String> lifecycleDlt = output(Topics.deadLetterOf(Topics.REFERRAL_LIFECYCLE));
		engagement.pipeInput("bad-json", "{not json", clock);
		String negative = json(Events.search("x", 1, null, clock)).replace("\"resultCount\":1", "\"resultCount\":-1");
		engagement.pipeInput("bad-field", negative, clock);
		lifecycle.pipeInput("bad-status", json(Events.referral("r-1", 0, "sent", "p-1", null, null, null, clock))
			.replace("\"status\":\"sent\"", "\"status\":\"lost\""), clock);
		send(engagement, "good", Events.search("welding", 3, null, Instant.parse("2026-10-02T15:00:00Z")));

		var rejected = engagementDlt.readRecordsToList();
		assertThat(rejected).hasSize(2);
		assertThat(rejected.get(0).value()).isEqualTo("{not json");
		assertThat(reason(rejected.get(0))).startsWith("not JSON");
		assertThat(reason(rejected.get(1))).contains("resultCount");
		assertThat(rejected.get(1).value()).isEqualTo(negative);
		assertThat(reason(lifecycleDlt.readRecord())).contains("status");
		assertThat(count("search|2026-10-02|-")).isEqualTo(1);
	}

	private TestOutputTopic<String, String> output(String topic) {
		return driver.createOutputTopic(topic, Serdes.String().deserializer(), Serdes.String().deserializer());
	}

	private static String reason(org.apache.kafka.streams.test.TestRecord<String, String> record) {
		return new String(record.headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER).value(), StandardCharsets.UTF_8);
	}

	@Test
	void aReferralCountsOnceAsApplicantAndOncePerMilestoneAndMovesBetweenStatuses() {
		var woman = Events.person("female", List.of("black", "hispanic_latino"), "18_24", true);
		Instant sent = Instant.parse("2026-10-05T15:00:00Z");
		Instant enrolled = Instant.parse("2026-10-20T15:00:00Z");
		send(lifecycle, "r-1", Events.referral("r-1", 0, "sent", "p-1", woman, "BB-1", null, sent));
		send(lifecycle, "r-1", Events.referral("r-1", 1, "accepted", "p-1", woman, "BB-1", null, sent.plusSeconds(3600)));
		send(lifecycle, "r-1", Events.referral("r-1", 2, "enrolled", "p-1", woman, "BB-1", null, enrolled));
		// the same status again under a new event id (a provider saving twice) is not a second enrollment
		send(lifecycle, "r-1", Events.referral("r-1", 3, "enrolled", "p-1", woman, "BB-1", null, enrolled.plusSeconds(60)));

		assertThat(count("ref.applied|2026-10-05|p-1|BB-1|training_program")).isEqualTo(1);
		assertThat(count("ref.accepted|2026-10-05|p-1|BB-1|training_program")).isEqualTo(1);
		assertThat(count("ref.enrolled|2026-10-20|p-1|BB-1|training_program")).isEqualTo(1);
		assertThat(count("ref.enrolled.by|2026-10-20|p-1|sex|female")).isEqualTo(1);
		assertThat(count("ref.enrolled.by|2026-10-20|p-1|poc|yes")).isEqualTo(1);
		assertThat(count("ref.enrolled.by|2026-10-20|p-1|age|16_24")).isEqualTo(1);
		assertThat(count("ref.enrolled.by|2026-10-20|p-1|returning|yes")).isEqualTo(1);
		assertThat(count("ref.enrolled.by|2026-10-20|p-1|race|black")).isEqualTo(1);
		assertThat(count("ref.enrolled.by|2026-10-20|p-1|race|hispanic_latino")).isEqualTo(1);
		// the status count follows the referral: it is enrolled now, and nowhere else
		assertThat(count("ref.status|2026-10-05|p-1|enrolled")).isEqualTo(1);
		assertThat(count("ref.status|2026-10-05|p-1|sent")).isZero();
		assertThat(count("ref.status|2026-10-05|p-1|accepted")).isZero();
	}

	@Test
	void aRetentionCheckCountsOnItsCohortAndACorrectionMovesIt() {
		var man = Events.person("male", List.of("white"), "35_44", false);
		LocalDate placed = LocalDate.of(2026, 6, 15);
		send(lifecycle, "r-2", Events.retention("r-2", "p-1", 90, true, placed, man, Instant.parse("2026-09-13T15:00:00Z")));
		send(lifecycle, "r-2", Events.retention("r-2", "p-1", 90, false, placed, man, Instant.parse("2026-09-14T15:00:00Z")));

		assertThat(count("ref.placed|2026-06-15|p-1|-|training_program")).isEqualTo(1);
		assertThat(count("ret.90|2026-06-15|p-1|employed")).isZero();
		assertThat(count("ret.90|2026-06-15|p-1|not_employed")).isEqualTo(1);
		assertThat(count("ret.90.by|2026-06-15|p-1|not_employed|poc|no")).isEqualTo(1);

		// a later correction of the placement date and of what the person gave moves the count whole
		send(lifecycle, "r-2", Events.retention("r-2", "p-1", 90, true, placed.plusDays(2), null,
				Instant.parse("2026-09-15T15:00:00Z")));
		assertThat(count("ret.90|2026-06-15|p-1|not_employed")).isZero();
		assertThat(count("ret.90.by|2026-06-15|p-1|not_employed|poc|no")).isZero();
		assertThat(count("ret.90|2026-06-17|p-1|employed")).isEqualTo(1);
		assertThat(count("ret.90.by|2026-06-17|p-1|employed|poc|not_given")).isEqualTo(1);
		assertThat(counts.all()).toIterable().allSatisfy(kv -> assertThat(kv.value).as(kv.key).isNotNegative());
	}

	@Test
	void keepsTheLatestListingAttendanceAndSurvey() {
		Instant t = Instant.parse("2026-10-01T15:00:00Z");
		send(listings, "p-1", Events.listing("p-1", 4, "Welding I", 6, 20, LocalDate.of(2027, 1, 11), t));
		// an older version arriving late does not undo the newer one
		send(listings, "p-1", Events.listing("p-1", 3, "Welding I", 9, 20, LocalDate.of(2027, 1, 11), t));
		send(listings, "ce-1", Events.attendance("ce-1", "acme", LocalDate.of(2026, 10, 7), "in_person", 30, 25, t));
		send(listings, "ce-1", Events.attendance("ce-1", "acme", LocalDate.of(2026, 10, 7), "in_person", 30, 27,
				t.plusSeconds(60)));
		send(listings, "survey", Events.survey(100, 80, 40, t.plusSeconds(60)));
		send(listings, "survey", Events.survey(100, 70, 30, t));

		KeyValueStore<String, String> listing = driver.getKeyValueStore(CountingTopology.LISTINGS);
		assertThat(Snapshots.read(listing.get("p-1"), Snapshots.Listing.class).data().seatsOpen()).isEqualTo(6);
		KeyValueStore<String, String> attendance = driver.getKeyValueStore(CountingTopology.ATTENDANCE);
		assertThat(Snapshots.read(attendance.get("ce-1|2026-10-07"), Snapshots.Attendance.class).data().attended())
			.isEqualTo(27);
		KeyValueStore<String, String> survey = driver.getKeyValueStore(CountingTopology.SURVEY);
		assertThat(Snapshots.read(survey.get("survey"), Snapshots.Survey.class).data().surveyed()).isEqualTo(80);
	}

}
