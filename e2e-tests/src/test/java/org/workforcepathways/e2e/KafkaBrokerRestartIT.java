package org.workforcepathways.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.workforcepathways.contracts.CloudEvent;
import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.EventValidator;
import org.workforcepathways.contracts.Topics;
import org.workforcepathways.contracts.listing.ListingChanged;
import org.workforcepathways.devstack.Part;
import org.workforcepathways.testsupport.TestEngines;
import org.workforcepathways.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforcepathways.e2e.Gateway.call;

/**
 * Stops the real Kafka broker in the middle of a load of searches and seat updates and starts it again: every search
 * answered is counted exactly once in the campaign report, and every acknowledged seat update is on
 * {@code listing.changes} exactly once after dropping duplicates by event id.
 */
class KafkaBrokerRestartIT {

	private static final Duration BEFORE = Duration.ofSeconds(6);

	private static final Duration DOWN = Duration.ofSeconds(10);

	private static final Duration AFTER = Duration.ofSeconds(6);

	record Change(String serviceId, long version) {

	}

	@Test
	void nothingIsLostOrCountedTwiceWhenTheBrokerRestartsUnderLoad() throws Exception {
		Suite.gateway();
		String staff = Tokens.accessToken("city.staff@demo.wrd");
		long before = WalkingSkeletonIT.settledCount(staff);
		Part kafka = Suite.stack().part("kafka");
		String jobseeker = "Bearer " + Tokens.accessToken("jobseeker@demo.wrd");
		String admin = "Bearer " + Tokens.accessToken("admin@demo.wrd");

		AtomicBoolean loading = new AtomicBoolean(true);
		AtomicLong searches = new AtomicLong();
		List<Change> acknowledged = Collections.synchronizedList(new ArrayList<>());
		List<String> failures = Collections.synchronizedList(new ArrayList<>());
		double downSeconds;
		try (ExecutorService load = Executors.newFixedThreadPool(2)) {
			Future<?> searching = load.submit(() -> {
				while (loading.get()) {
					var r = call("GET", "/api/directory/search?q=welding", null, null, "Authorization", jobseeker);
					if (r.statusCode() == 200) {
						searches.incrementAndGet();
					}
					else {
						failures.add("search " + r.statusCode() + " " + r.body());
					}
					Thread.sleep(50);
				}
				return null;
			});
			Future<?> editing = load.submit(() -> {
				for (int i = 0; loading.get(); i++) {
					String id = String.format("demo-tp-%04d", 40 + i % 10);
					var read = call("GET", "/api/directory/services/" + id, null, null);
					var edit = call("PATCH", "/api/directory/services/" + id + "/availability", null,
							"{\"seatsTotal\": 60, \"seatsOpen\": " + (i % 30) + "}", "Authorization", admin, "If-Match",
							read.headers().firstValue("ETag").orElseThrow());
					if (edit.statusCode() == 200) {
						acknowledged.add(new Change(id, Long.parseLong(edit.headers().firstValue("ETag").orElseThrow().replace("\"", ""))));
					}
					else {
						failures.add("seat update " + edit.statusCode() + " " + edit.body());
					}
					Thread.sleep(200);
				}
				return null;
			});
			Thread.sleep(BEFORE);
			assertThat(kafka.stop()).as("a native Kafka broker of the test stack to stop").isTrue();
			long stopped = System.nanoTime();
			try {
				Thread.sleep(DOWN);
			}
			finally {
				kafka.start();
				kafka.awaitHealthy();
			}
			downSeconds = (System.nanoTime() - stopped) / 1e9;
			Thread.sleep(AFTER);
			loading.set(false);
			searching.get();
			editing.get();
		}
		System.out.printf("[kafka-restart] broker down %.1f s; %d searches and %d seat updates answered, failures %s%n",
				downSeconds, searches.get(), acknowledged.size(), failures);
		assertThat(failures).as("requests refused while the broker was away").isEmpty();

		long t0 = System.nanoTime();
		Awaitility.await()
			.atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> WalkingSkeletonIT.searchesCounted(staff) >= before + searches.get());
		System.out.printf("[kafka-restart] the report caught up %.1f s after the load ended%n", (System.nanoTime() - t0) / 1e9);
		// a double would show as a count above what was answered, also a little later
		Thread.sleep(3000);
		assertThat(WalkingSkeletonIT.searchesCounted(staff)).as("searches in the report").isEqualTo(before + searches.get());

		Map<String, Change> byEventId = new HashMap<>();
		int records = 0;
		Set<Change> wanted = new LinkedHashSet<>(acknowledged);
		try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestEngines.get().kafkaBootstrap(), ConsumerConfig.GROUP_ID_CONFIG, "broker-restart-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			consumer.subscribe(List.of(Topics.LISTING_CHANGES));
			var validator = new EventValidator();
			long deadline = System.currentTimeMillis() + 60_000;
			while (!byEventId.values().containsAll(wanted) && System.currentTimeMillis() < deadline) {
				for (var r : consumer.poll(Duration.ofMillis(500))) {
					var event = validator.validate(r.value()) instanceof EventValidator.Accepted accepted
							? accepted.as(EventTypes.LISTING_CHANGED) : Optional.<CloudEvent<ListingChanged>>empty();
					if (event.isPresent()) {
						Change c = new Change(event.get().data().serviceId(), event.get().data().version());
						if (wanted.contains(c)) {
							records++;
							byEventId.putIfAbsent(event.get().id(), c);
						}
					}
				}
			}
		}
		Map<Change, Integer> perChange = new HashMap<>();
		byEventId.values().forEach(c -> perChange.merge(c, 1, Integer::sum));
		System.out.printf("[kafka-restart] listing.changes: %d records for the %d acknowledged updates, %d after dropping duplicates by id%n",
				records, wanted.size(), byEventId.size());
		for (Change c : wanted) {
			assertThat(perChange.getOrDefault(c, 0)).as("events for %s after dedup", c).isEqualTo(1);
		}
	}

}
