package org.workforcepathways.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.EventValidator;
import org.workforcepathways.contracts.Topics;
import org.workforcepathways.testsupport.Engines;
import org.workforcepathways.testsupport.ServiceProcess;
import org.workforcepathways.testsupport.TestEngines;
import org.workforcepathways.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills directory-service with SIGKILL while events wait in its outbox, starts it again, and finds every committed
 * change on {@code listing.changes} exactly once after dropping duplicates by event id.
 */
class OutboxKillIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final int PORT = 18188;

	private static final int EDITS_BEFORE_KILL = 60;

	/** A change as the client saw it acknowledged: listing and the version it got. */
	record Change(String serviceId, long version) {

	}

	@Test
	void everyCommittedChangeArrivesExactlyOnceAfterDedupWhenThePublisherIsKilledMidBatch() throws Exception {
		Engines engines = TestEngines.get();
		String database = "directory_kill";
		Map<String, String> properties = new LinkedHashMap<>(engines.serviceProperties(database));
		String jdbc = properties.get("spring.datasource.url");
		String source = "/directory-service/kill-" + UUID.randomUUID().toString().substring(0, 8);
		Path root = Path.of("..").toAbsolutePath().normalize();
		properties.put("directory.index.alias", "listings-kill");
		properties.put("directory.demo-data", root.resolve("infra/demo-data/calumet-listings.json").toUri().toString());
		properties.put("directory.source", source);
		// a slow relay in small batches, so the kill finds events waiting and a batch half done is likely
		properties.put("wrd.outbox.poll-interval", "1500ms");
		properties.put("wrd.outbox.batch-size", "5");
		Path log = root.resolve("e2e-tests/target/outbox-kill/directory-service.log");
		String admin = "Bearer " + Tokens.accessToken("admin@demo.wrd");

		List<Change> acknowledged = new ArrayList<>();
		long pendingAtKill;
		ServiceProcess service = ServiceProcess.of(root, "directory-service", PORT, "384m", properties, log);
		service.start(Duration.ofMinutes(3), s -> System.out.println("[kill-test] starting, " + s + " s"));
		try {
			for (int i = 0; acknowledged.size() < EDITS_BEFORE_KILL; i++) {
				String id = String.format("demo-tp-%04d", 1 + i % 12);
				var read = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/api/directory/services/" + id))
					.build(), HttpResponse.BodyHandlers.ofString());
				String etag = read.headers().firstValue("ETag").orElseThrow();
				var edit = HTTP.send(HttpRequest
					.newBuilder(URI.create(service.url() + "/api/directory/services/" + id + "/availability"))
					.header("Authorization", admin)
					.header("If-Match", etag)
					.header("Content-Type", "application/json")
					.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"seatsTotal\": 60, \"seatsOpen\": " + (i % 60) + "}"))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
				acknowledged.add(new Change(id, Long.parseLong(edit.headers().firstValue("ETag").orElseThrow().replace("\"", ""))));
			}
		}
		finally {
			service.kill();
		}
		pendingAtKill = pending(jdbc, database);
		System.out.printf("[kill-test] killed with %d of %d acknowledged changes still in the outbox%n", pendingAtKill,
				acknowledged.size());
		assertThat(pendingAtKill).as("events waiting in the outbox when the service died").isPositive();

		try (ServiceProcess again = ServiceProcess.of(root, "directory-service", PORT, "384m", properties, log)) {
			again.start(Duration.ofMinutes(3), s -> System.out.println("[kill-test] restarting, " + s + " s"));
			Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> pending(jdbc, database) == 0);
		}

		List<String> received = new ArrayList<>();
		try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				engines.kafkaBootstrap(), ConsumerConfig.GROUP_ID_CONFIG, "kill-it-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			consumer.subscribe(List.of(Topics.LISTING_CHANGES));
			Set<Change> seen = new LinkedHashSet<>();
			long deadline = System.currentTimeMillis() + 60_000;
			while (!seen.containsAll(acknowledged) && System.currentTimeMillis() < deadline) {
				for (var r : consumer.poll(Duration.ofMillis(500))) {
					if (r.value().contains("\"source\":\"" + source + "\"")) {
						received.add(r.value());
						var event = ((EventValidator.Accepted) new EventValidator().validate(r.value()))
							.as(EventTypes.LISTING_CHANGED)
							.orElseThrow();
						seen.add(new Change(event.data().serviceId(), event.data().version()));
					}
				}
			}
		}

		// drop duplicates by event id, as every consumer does
		Map<String, Change> byEventId = new LinkedHashMap<>();
		var validator = new EventValidator();
		for (String raw : received) {
			var event = ((EventValidator.Accepted) validator.validate(raw)).as(EventTypes.LISTING_CHANGED).orElseThrow();
			byEventId.putIfAbsent(event.id(), new Change(event.data().serviceId(), event.data().version()));
		}
		Map<Change, Integer> perChange = new HashMap<>();
		byEventId.values().forEach(c -> perChange.merge(c, 1, Integer::sum));
		System.out.printf("[kill-test] %d records read, %d after dropping duplicates by id, %d acknowledged edits%n",
				received.size(), byEventId.size(), acknowledged.size());
		for (Change c : acknowledged) {
			assertThat(perChange.getOrDefault(c, 0)).as("events for %s after dedup", c).isEqualTo(1);
		}
	}

	private static long pending(String jdbc, String database) throws Exception {
		try (Connection c = DriverManager.getConnection(jdbc, database, database);
				var rs = c.createStatement().executeQuery("select count(*) from outbox where sent_at is null")) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
