package org.workforcepathways.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.workforcepathways.contracts.Topics;
import org.workforcepathways.testsupport.Engines;
import org.workforcepathways.testsupport.TestEngines;
import org.workforcepathways.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton end to end: the four services run from their jars, exactly as {@code ./wrd up} runs them, on
 * the real engines, and everything goes through the gateway with real Keycloak tokens.
 */
class WalkingSkeletonIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private static Engines engines;

	private static String gateway;

	@BeforeAll
	static void startServices() {
		gateway = Suite.gateway();
		engines = TestEngines.get();
	}

	static HttpResponse<String> get(String path, String token) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(Suite.gateway() + path)).timeout(Duration.ofSeconds(20));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Searches in the sample campaign's period, as its report shows them; -1 while the report withholds the count. */
	static long searchesCounted(String token) throws Exception {
		var campaigns = get("/api/metrics/campaigns", token);
		assertThat(campaigns.statusCode()).as(campaigns.body()).isEqualTo(200);
		String id = null;
		for (JsonNode c : JSON.readTree(campaigns.body())) {
			if (c.get("name").asString().endsWith("(sample)")) {
				id = c.get("id").asString();
			}
		}
		assertThat(id).as("the demo stack's sample campaign").isNotNull();
		var report = get("/api/metrics/campaigns/" + id + "/report", token);
		assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
		JsonNode total = JSON.readTree(report.body()).at("/traffic/searches/total");
		return total.isNumber() ? total.asLong() : -1;
	}

	/** The count once events from earlier tests have landed: the same on two reads a second apart. */
	static long settledCount(String token) throws Exception {
		long previous = searchesCounted(token);
		for (int i = 0; i < 30; i++) {
			Thread.sleep(1000);
			long now = searchesCounted(token);
			if (now == previous && now >= 0) {
				return now;
			}
			previous = now;
		}
		throw new AssertionError("the search count never settled");
	}

	@Test
	void aSearchThroughTheGatewayIsCountedInTheMetrics() throws Exception {
		String staff = Tokens.accessToken("city.staff@demo.wrd");
		// enough searches that the report shows the count rather than "<10"
		for (int i = 0; i < 10; i++) {
			assertThat(get("/api/directory/search?q=forklift", null).statusCode()).isEqualTo(200);
		}
		long before = settledCount(staff);

		var search = get("/api/directory/search?q=welding", null);

		assertThat(search.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(search.body());
		assertThat(body.get("total").asLong()).isPositive();
		List<String> titles = new java.util.ArrayList<>();
		body.get("results").forEach(r -> titles.add(r.get("title").asString().toLowerCase()));
		assertThat(titles.subList(0, 3)).anyMatch(t -> t.contains("weld"));
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(300))
			.untilAsserted(() -> assertThat(searchesCounted(staff)).isEqualTo(before + 1));
	}

	@Test
	void metricsAreForCityStaffOnly() throws Exception {
		var anonymous = get("/api/metrics/campaigns", null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		var jobseeker = get("/api/metrics/campaigns", Tokens.accessToken("jobseeker@demo.wrd"));
		assertThat(jobseeker.statusCode()).isEqualTo(403);
		assertThat(jobseeker.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		var forged = get("/api/metrics/campaigns", Tokens.accessToken("city.staff@demo.wrd") + "x");
		assertThat(forged.statusCode()).isEqualTo(401);
	}

	@Test
	void matchingReadsTheDirectoryOverHttp() throws Exception {
		var response = get("/api/matching/programs?interest=welding", null);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"demo-tp-0001\"");
	}

	@Test
	void badInputIsA400ProblemNamingTheParameter() throws Exception {
		var response = get("/api/directory/search?q=cnc&size=100000", null);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"field\":\"size\"");
	}

	@Test
	void anInvalidEventGoesToTheDeadLetterTopicWithItsReasonAndCountingGoesOn() throws Exception {
		String staff = Tokens.accessToken("city.staff@demo.wrd");
		String marker = "broken-" + UUID.randomUUID();
		try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				engines.kafkaBootstrap(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
			producer.send(new ProducerRecord<>(Topics.DIRECTORY_ENGAGEMENT, marker, "{\"type\": \"" + marker)).get();
		}
		try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				engines.kafkaBootstrap(), ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + marker,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"))) {
			consumer.subscribe(List.of(Topics.deadLetterOf(Topics.DIRECTORY_ENGAGEMENT)));
			ConsumerRecord<String, String> found = await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (var r : consumer.poll(Duration.ofMillis(500))) {
					if (marker.equals(r.key())) {
						return r;
					}
				}
				return null;
			}, r -> r != null);
			String reason = new String(found.headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER).value(),
					StandardCharsets.UTF_8);
			assertThat(reason).startsWith("not JSON");
		}
		long before = settledCount(staff);
		assertThat(get("/api/directory/search?q=forklift", null).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(searchesCounted(staff)).isEqualTo(before + 1));
	}

}
