package org.workforcepathways.metrics.campaign;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.workforcepathways.contracts.Topics;
import org.workforcepathways.metrics.counting.Events;
import org.workforcepathways.testsupport.TestEngines;
import org.workforcepathways.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * metrics-service on the real engines: campaigns in PostgreSQL, campaign links and their QR codes, and events
 * published to the real broker counted (once) by Kafka Streams into the report city staff read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CampaignIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	/** Codes of this run only, so events other tests publish to the shared topics never mix in. */
	private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) throws Exception {
		TestEngines.register(registry, "metrics_it");
		registry.add("spring.kafka.streams.application-id", () -> "metrics-it-" + RUN);
		String state = Files.createTempDirectory("metrics-it-streams").toString();
		registry.add("spring.kafka.streams.state-dir", () -> state);
		registry.add("metrics.directory-url", () -> "https://directory.example.org/");
		registry.add("metrics.public-url", () -> "https://wp.example.org");
	}

	@LocalServerPort
	int port;

	private HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json");
		if (user != null) {
			request.header("Authorization", "Bearer " + Tokens.accessToken(user));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String campaign(String program, String... codes) {
		LocalDate today = LocalDate.now(CHICAGO);
		StringBuilder components = new StringBuilder();
		for (String code : codes) {
			components.append(components.isEmpty() ? "" : ",").append("""
					{"code": "%s", "channel": "billboard", "name": "Billboard %s", "liveFrom": "%s"}""".formatted(code, code,
					today.minusDays(20)));
		}
		return """
				{"name": "Test campaign %s", "startsOn": "%s", "endsOn": "%s", "programs": ["%s"],
				 "targets": {"baselineEnrollment": 40, "baselineFrom": "2025-01-01", "baselineTo": "2025-12-31",
				             "enrollmentIncreasePercent": 25, "womenShare": 0.3},
				 "components": [%s]}""".formatted(RUN, today.minusDays(20), today.plusDays(10), program, components);
	}

	@Test
	void anAdminDefinesACampaignCityStaffReadItAndNobodyElse() throws Exception {
		var created = call("POST", "/api/metrics/campaigns", "admin@demo.wrd", campaign("p-" + RUN, "DEF-" + RUN));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = JSON.readTree(created.body()).get("id").asString();
		assertThat(created.headers().firstValue("Location")).contains("/api/metrics/campaigns/" + id);

		var read = call("GET", "/api/metrics/campaigns/" + id, "city.staff@demo.wrd", null);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(read.body()).at("/components/0/code").asString()).isEqualTo("DEF-" + RUN);
		assertThat(JSON.readTree(read.body()).at("/targets/respondedShare").asDouble()).isEqualTo(0.6);

		assertThat(call("POST", "/api/metrics/campaigns", "city.staff@demo.wrd", campaign("x", "X-" + RUN)).statusCode())
			.isEqualTo(403);
		assertThat(call("GET", "/api/metrics/campaigns/" + id, "case.manager@demo.wrd", null).statusCode()).isEqualTo(403);
		assertThat(call("GET", "/api/metrics/campaigns/" + id, null, null).statusCode()).isEqualTo(401);
		assertThat(call("GET", "/api/metrics/campaigns/" + UUID.randomUUID(), "city.staff@demo.wrd", null).statusCode())
			.isEqualTo(404);
	}

	@Test
	void badCampaignsAreRefusedNamingTheFieldAndACodeNeverMovesToAnotherCampaign() throws Exception {
		String bad = campaign("p", "ok-" + RUN).replace("\"channel\": \"billboard\"", "\"channel\": \"skywriting\"")
			.replace("\"womenShare\": 0.3", "\"womenShare\": 3");
		var refused = call("POST", "/api/metrics/campaigns", "admin@demo.wrd", bad);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(refused.body()).contains("components[0].channel").contains("targets.womenShare");

		String backwards = campaign("p", "BW-" + RUN).replaceFirst("\"startsOn\": \"[^\"]+\"", "\"startsOn\": \"2030-01-01\"");
		assertThat(call("POST", "/api/metrics/campaigns", "admin@demo.wrd", backwards).body()).contains("endsOn");

		assertThat(call("POST", "/api/metrics/campaigns", "admin@demo.wrd", campaign("p", "TAKEN-" + RUN)).statusCode())
			.isEqualTo(201);
		var taken = call("POST", "/api/metrics/campaigns", "admin@demo.wrd", campaign("p", "taken-" + RUN));
		assertThat(taken.statusCode()).isEqualTo(409);
		assertThat(taken.body()).contains("components[0].code");

		var owner = call("POST", "/api/metrics/campaigns", "admin@demo.wrd", campaign("p", "KEEP-" + RUN));
		String id = JSON.readTree(owner.body()).get("id").asString();
		var dropped = call("PUT", "/api/metrics/campaigns/" + id, "admin@demo.wrd", campaign("p", "OTHER-" + RUN));
		assertThat(dropped.statusCode()).isEqualTo(409);
		assertThat(dropped.body()).contains("KEEP-" + RUN);
		assertThat(call("PUT", "/api/metrics/campaigns/" + id, "admin@demo.wrd", campaign("p", "KEEP-" + RUN, "MORE-" + RUN))
			.statusCode()).isEqualTo(200);
		assertThat(call("POST", "/api/metrics/campaigns", "admin@demo.wrd",
				campaign("p", "NULLS-" + RUN).replace("\"programs\": [\"p\"]", "\"occupations\": [null]")).body())
			.contains("occupations[0]");
	}

	@Test
	void aCampaignLinkRecordsALandingRedirectsAndItsQrCodeScansBackToIt() throws Exception {
		String code = "QR-" + RUN;
		assertThat(call("POST", "/api/metrics/campaigns", "admin@demo.wrd", campaign("p-qr-" + RUN, code)).statusCode())
			.isEqualTo(201);

		var landing = call("GET", "/c/" + code.toLowerCase(), null, null);
		assertThat(landing.statusCode()).isEqualTo(302);
		assertThat(landing.headers().firstValue("Location")).contains(
				"https://directory.example.org/?campaign=" + code + "&lang=en");
		assertThat(landing.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
		var unknown = call("GET", "/c/NO-SUCH-" + RUN, null, null);
		assertThat(unknown.statusCode()).isEqualTo(302);
		assertThat(unknown.headers().firstValue("Location")).contains("https://directory.example.org/");

		var png = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/metrics/codes/" + code + "/qr.png?size=300"))
			.header("Authorization", "Bearer " + Tokens.accessToken("city.staff@demo.wrd"))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(png.statusCode()).isEqualTo(200);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
		assertThat(image.getWidth()).isEqualTo(300);
		String scanned = new MultiFormatReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
			.getText();
		assertThat(scanned).isEqualTo("https://wp.example.org/c/" + code);
		var svg = call("GET", "/api/metrics/codes/" + code + "/qr.svg", "admin@demo.wrd", null);
		assertThat(svg.headers().firstValue("Content-Type")).contains("image/svg+xml");
		assertThat(svg.body()).contains("<svg").contains("https://wp.example.org/c/" + code);
		assertThat(call("GET", "/api/metrics/codes/NOPE-" + RUN + "/qr.svg", "admin@demo.wrd", null).statusCode())
			.isEqualTo(404);
		assertThat(call("GET", "/api/metrics/codes/" + code + "/qr.png?size=5000", "admin@demo.wrd", null).body())
			.contains("size");
	}

	@Test
	void eventsOnTheRealBrokerReachTheReportOnceAndAnInvalidOneIsDeadLettered() throws Exception {
		String program = "p-report-" + RUN;
		String code = "RPT-" + RUN;
		var created = call("POST", "/api/metrics/campaigns", "admin@demo.wrd", campaign(program, code));
		String id = JSON.readTree(created.body()).get("id").asString();
		Instant at = Instant.now().minusSeconds(3600);
		var woman = Events.person("female", List.of("black"), "25_34", false);
		String poison = "{\"specversion\":\"1.0\",\"id\":\"poison-" + RUN + "\",\"type\":\"nope\"}";
		try (var producer = producer()) {
			for (int i = 0; i < 12; i++) {
				String referral = RUN + "-r" + i;
				var sent = Events.referral(referral, 0, "sent", program, woman, code, null, at);
				producer.send(new ProducerRecord<>(Topics.REFERRAL_LIFECYCLE, referral, Events.json(sent)));
				// the same event again, as an outbox relay resends after a crash
				producer.send(new ProducerRecord<>(Topics.REFERRAL_LIFECYCLE, referral, Events.json(sent)));
				if (i < 11) {
					producer.send(new ProducerRecord<>(Topics.REFERRAL_LIFECYCLE, referral, Events.json(
							Events.referral(referral, 1, "enrolled", program, woman, code, null, at.plusSeconds(60)))));
				}
				String landing = Events.json(Events.landing(code, at));
				producer.send(new ProducerRecord<>(Topics.DIRECTORY_ENGAGEMENT, "l" + i, landing));
				// a landing redelivered under the same id counts once
				producer.send(new ProducerRecord<>(Topics.DIRECTORY_ENGAGEMENT, "l" + i, landing));
			}
			producer.send(new ProducerRecord<>(Topics.REFERRAL_LIFECYCLE, "poison", poison));
		}

		Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			var report = call("GET", "/api/metrics/campaigns/" + id + "/report?granularity=week", "city.staff@demo.wrd", null);
			assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
			JsonNode tree = JSON.readTree(report.body());
			// compared as text: a count still below 10 reads "<10" until the rest arrives
			assertThat(tree.at("/enrollment/enrolled").asString()).isEqualTo("11");
			assertThat(tree.at("/referrals/sent/total").asString()).isEqualTo("12");
			assertThat(tree.at("/traffic/landingsByCode/total").asString()).isEqualTo("12");
			assertThat(tree.at("/equity/enrollees/sex/rows/0/count").asString()).isEqualTo("11");
			assertThat(tree.at("/equity/enrollees/sex/rows/0/key").asString()).isEqualTo("female");
		});
		assertThat(deadLetterReason(Topics.deadLetterOf(Topics.REFERRAL_LIFECYCLE), "poison-" + RUN))
			.contains("unknown event type");

		var csv = call("GET", "/api/metrics/campaigns/" + id + "/report?format=csv", "admin@demo.wrd", null);
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
		assertThat(csv.body()).contains("enrollment.enrolled,,11,");
		// a daily trend beside the weekly one would give withheld days away by subtraction
		var daily = call("GET", "/api/metrics/campaigns/" + id + "/report?granularity=day", "city.staff@demo.wrd", null);
		assertThat(daily.statusCode()).isEqualTo(400);
		assertThat(daily.body()).contains("granularity");
		var csvOrNot = call("GET", "/api/metrics/campaigns/" + id + "/report?format=xml", "city.staff@demo.wrd", null);
		assertThat(csvOrNot.statusCode()).isEqualTo(400);
		assertThat(csvOrNot.body()).contains("format");
		assertThat(call("GET", "/api/metrics/campaigns/" + id + "/report", "provider@demo.wrd", null).statusCode())
			.isEqualTo(403);
	}

	private KafkaProducer<String, String> producer() {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.get().kafkaBootstrap());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	private static String deadLetterReason(String topic, String eventId) {
		try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestEngines.get().kafkaBootstrap(), ConsumerConfig.GROUP_ID_CONFIG, "dlt-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed"), new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.currentTimeMillis() + 30_000;
			while (System.currentTimeMillis() < deadline) {
				for (var r : consumer.poll(Duration.ofMillis(500))) {
					if (r.value().contains(eventId)) {
						return new String(r.headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER).value(),
								StandardCharsets.UTF_8);
					}
				}
			}
		}
		return "";
	}

}
