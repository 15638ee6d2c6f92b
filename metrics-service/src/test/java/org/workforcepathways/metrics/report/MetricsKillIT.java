package org.workforcepathways.metrics.report;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.workforcepathways.metrics.campaign.Campaign;
import org.workforcepathways.metrics.campaign.DemoCampaign;
import org.workforcepathways.metrics.simulation.CampaignTraffic;
import org.workforcepathways.metrics.simulation.DemoListing;
import org.workforcepathways.testsupport.Engines;
import org.workforcepathways.testsupport.ServiceProcess;
import org.workforcepathways.testsupport.TestEngines;
import org.workforcepathways.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills metrics-service with SIGKILL while a month of campaign events streams in, starts it again, and gets the same
 * report, figure for figure, as the counting topology run over the same events without interruption; then replays
 * every topic from the start under a new generation and gets it once more.
 */
class MetricsKillIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	private static final int PORT = 18283;

	/** Everything the events decide; seats and the survey are latest states that other tests' events may move. */
	private static final List<String> SECTIONS = List.of("traffic", "intakes", "referrals", "enrollment", "equity",
			"retention", "careerEvents", "ratings", "channels");

	@Test
	void killedMidStreamAndRestartedItReportsWhatAnUninterruptedRunDoes() throws Exception {
		Engines engines = TestEngines.get();
		Path root = Path.of("..").toAbsolutePath().normalize();
		// a month of its own, centuries back, so the events other tests publish to the shared topics never fall in it
		// and a second local run does not meet the first one's events
		long slot = Instant.now().getEpochSecond() / 60 % 200;
		LocalDate first = LocalDate.of(1700, 1, 1).plusDays(400 + slot * 450);
		Instant end = first.plusDays(31).atStartOfDay(CHICAGO).toInstant();
		// the demo listings under ids of this run: other tests change the real demo listings on the shared topics
		List<DemoListing> listings = DemoListing.read(root.resolve("infra/demo-data/calumet-listings.json"))
			.stream()
			.map(l -> new DemoListing("kill-" + slot + "-" + l.id(), l.kind(), l.organizationId(), l.name(),
					l.occupations(), l.seats()))
			.toList();
		List<CampaignTraffic.Sent> events = new CampaignTraffic(listings, DemoCampaign.CODES, CHICAGO, 1, slot)
			.generate(first, 31, end);

		try (var c = java.sql.DriverManager.getConnection(engines.postgresUrl() + "postgres", engines.postgresAdminUser(),
				engines.postgresAdminPassword()); var s = c.createStatement()) {
			// the sample campaign's codes belong to one campaign only: start from an empty database
			s.execute("drop database if exists metrics_kill with (force)");
		}
		Map<String, String> properties = new LinkedHashMap<>(engines.serviceProperties("metrics_kill"));
		properties.put("spring.kafka.streams.application-id", "metrics-kill-" + UUID.randomUUID().toString().substring(0, 8));
		properties.put("spring.kafka.streams.state-dir", Files.createTempDirectory("metrics-kill").toString());
		Path log = root.resolve("metrics-service/target/metrics-kill/metrics-service.log");

		String campaignId;
		Campaign campaign;
		int killedAt;
		ServiceProcess service = ServiceProcess.of(root, "metrics-service", PORT, "384m", properties, log);
		service.start(Duration.ofMinutes(3), s -> System.out.println("[metrics-kill] starting, " + s + " s"));
		try (var producer = producer(engines)) {
			var request = DemoCampaign.request(first.plusDays(15));
			String body = JSON.writeValueAsString(request).replace(DemoCampaign.NAME, "Kill test " + first);
			var created = call("POST", service.url() + "/api/metrics/campaigns", "admin@demo.wrd", body);
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			campaignId = JSON.readTree(created.body()).get("id").asString();
			campaign = JSON.readValue(created.body(), Campaign.class);

			int half = events.size() / 2;
			publish(producer, events.subList(0, half));
			Awaitility.await().atMost(Duration.ofSeconds(240)).until(() -> searches(service.url(), campaignId) > 0);
			// the rest streams in while the service dies part way through it
			killedAt = half + events.size() / 4;
			publish(producer, events.subList(half, killedAt));
			service.kill();
			publish(producer, events.subList(killedAt, events.size()));
		}
		finally {
			service.kill();
		}
		System.out.printf("[metrics-kill] killed after %d of %d events were published%n", killedAt, events.size());

		Period period = new Period(campaign.startsOn(), campaign.endsOn(), "week");
		JsonNode expected;
		try (var uninterrupted = new UninterruptedRun(events, CHICAGO)) {
			expected = JSON.valueToTree(uninterrupted.report(campaign, period, 10, Clock.system(CHICAGO)));
		}
		try (ServiceProcess again = ServiceProcess.of(root, "metrics-service", PORT, "384m", properties, log)) {
			again.start(Duration.ofMinutes(3), s -> System.out.println("[metrics-kill] restarting, " + s + " s"));
			assertSameFigures(again.url(), campaignId, expected);
		}
		// a replay: a new generation reads every topic again from the start into empty state, and gets the same
		properties.remove("spring.kafka.streams.application-id");
		properties.put("metrics.generation", Long.toString(Instant.now().getEpochSecond()));
		properties.put("spring.kafka.streams.state-dir", Files.createTempDirectory("metrics-replay").toString());
		try (ServiceProcess replay = ServiceProcess.of(root, "metrics-service", PORT, "384m", properties, log)) {
			replay.start(Duration.ofMinutes(3), s -> System.out.println("[metrics-kill] replaying, " + s + " s"));
			assertSameFigures(replay.url(), campaignId, expected);
		}
		assertThat(expected.at("/traffic/searches/total").asLong()).as("a month of searches").isGreaterThan(3000);
		assertThat(expected.at("/enrollment/enrolled").asLong()).as("enrollments").isGreaterThan(10);
	}

	private static void assertSameFigures(String url, String campaignId, JsonNode expected) {
		Awaitility.await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			JsonNode actual = JSON.readTree(call("GET", url + "/api/metrics/campaigns/" + campaignId
					+ "/report?granularity=week", "city.staff@demo.wrd", null).body());
			List<String> differences = new java.util.ArrayList<>();
			for (String section : SECTIONS) {
				differ("/" + section, expected.get(section), actual.get(section), differences);
			}
			assertThat(differences).as("figures that differ from the uninterrupted run").isEmpty();
		});
	}

	private static void differ(String path, JsonNode expected, JsonNode actual, List<String> out) {
		if (expected != null && actual != null && expected.isContainer() && actual.isContainer()
				&& expected.isArray() == actual.isArray()) {
			if (expected.isArray()) {
				for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
					differ(path + "/" + i, expected.get(i), actual.get(i), out);
				}
			}
			else {
				java.util.Set<String> names = new java.util.TreeSet<>(expected.propertyNames());
				names.addAll(actual.propertyNames());
				names.forEach(n -> differ(path + "/" + n, expected.get(n), actual.get(n), out));
			}
		}
		else if (expected != null && actual != null && expected.isNumber() && actual.isNumber()) {
			// a long read back from JSON is an int node: compare the numbers, not the node types
			if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
				out.add(path + ": expected " + expected + ", was " + actual);
			}
		}
		else if (!java.util.Objects.equals(expected, actual)) {
			out.add(path + ": expected " + expected + ", was " + actual);
		}
	}

	private static void publish(KafkaProducer<String, String> producer, List<CampaignTraffic.Sent> events) {
		for (CampaignTraffic.Sent e : events) {
			producer.send(new ProducerRecord<>(e.topic(), e.key(), e.json()));
		}
		producer.flush();
	}

	private static long searches(String url, String campaignId) throws Exception {
		var report = call("GET", url + "/api/metrics/campaigns/" + campaignId + "/report", "city.staff@demo.wrd", null);
		JsonNode total = report.statusCode() == 200 ? JSON.readTree(report.body()).at("/traffic/searches/total") : null;
		return total != null && total.isNumber() ? total.asLong() : 0;
	}

	private static KafkaProducer<String, String> producer(Engines engines) {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafkaBootstrap());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	private static HttpResponse<String> call(String method, String url, String user, String body) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + Tokens.accessToken(user))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
