package org.workforcepathways.directory.search;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.EventValidator;
import org.workforcepathways.contracts.Topics;
import org.workforcepathways.directory.config.DirectoryProperties;
import org.workforcepathways.directory.listing.ListingRepository;
import org.workforcepathways.testsupport.TestEngines;

import static org.assertj.core.api.Assertions.assertThat;

/** Search on the real engines: PostgreSQL as the record, Elasticsearch as the projection, Kafka for the events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "directory.index.alias=listings-it", "directory.demo-data=file:../infra/demo-data/calumet-listings.json" })
class SearchIT {

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		TestEngines.register(registry, "directory_it");
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private final ElasticsearchClient elasticsearch;

	private final ListingRepository repository;

	private final ListingProjection projection;

	private final String concreteIndex;

	@Autowired
	SearchIT(ElasticsearchClient elasticsearch, ListingRepository repository, ListingProjection projection,
			DirectoryProperties properties) {
		this.elasticsearch = elasticsearch;
		this.repository = repository;
		this.projection = projection;
		this.concreteIndex = properties.index().concreteName();
	}

	private HttpResponse<String> search(String query) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/directory/search?" + query)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private static String q(String text) {
		return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	@Test
	void findsTheWeldingProgramFirst() throws Exception {
		var response = search(q("welding"));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode results = JSON.readTree(response.body()).get("results");
		assertThat(results.get(0).get("id").asString()).isIn("demo-tp-001", "demo-tp-003");
		assertThat(results.get(0).get("highlights").toString()).contains("<em>");
	}

	private List<String> ids(String query) throws Exception {
		var response = search(q(query) + "&size=10");
		assertThat(response.statusCode()).as(query).isEqualTo(200);
		List<String> ids = new java.util.ArrayList<>();
		JSON.readTree(response.body()).get("results").forEach(r -> ids.add(r.get("id").asString()));
		return ids;
	}

	@Test
	void wordFormsMeetThroughTheAnalysisPlugin() throws Exception {
		// welder / welders / welding all stem to "weld" (stem override on top of Porter)
		assertThat(ids("welder")).first().isEqualTo("demo-tp-001");
		assertThat(ids("welders classes")).contains("demo-tp-001");
		assertThat(ids("machining")).contains("demo-tp-002");
	}

	@Test
	void synonymsAccentsSpanishAndTyposFindTheRightListings() throws Exception {
		assertThat(ids("computer numerical control")).first().isEqualTo("demo-tp-002");
		assertThat(ids("soldadura")).contains("demo-tp-003", "demo-tp-001");
		assertThat(ids("guardería")).contains("demo-ss-001");
		assertThat(ids("clases de ingles")).contains("demo-ss-004");
		assertThat(ids("weldng")).contains("demo-tp-001");
		assertThat(ids("forklift")).first().isEqualTo("demo-tp-005");
		assertThat(ids("montacargas")).contains("demo-tp-005");
	}

	@Test
	void queryOperatorsAndControlCharactersAreJustText() throws Exception {
		assertThat(search(q("welding AND (")).statusCode()).isEqualTo(200);
		assertThat(search(q("cnc\u0000\u0007 \"}")).statusCode()).isEqualTo(200);
	}

	@Test
	void outOfRangeInputIsA400NamingTheParameter() throws Exception {
		var tooMany = search("q=cnc&size=100000");
		assertThat(tooMany.statusCode()).isEqualTo(400);
		assertThat(tooMany.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(tooMany.body()).contains("\"field\":\"size\"");

		var tooLong = search(q("x".repeat(600)));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("\"field\":\"q\"");

		var notANumber = search("size=ten");
		assertThat(notANumber.statusCode()).isEqualTo(400);
		assertThat(notANumber.body()).contains("\"field\":\"size\"");

		var badCampaign = search("q=cnc&campaign=" + URLEncoder.encode("<script>", StandardCharsets.UTF_8));
		assertThat(badCampaign.statusCode()).isEqualTo(400);
		assertThat(badCampaign.body()).contains("\"field\":\"campaign\"");
	}

	@Test
	void everySearchPublishesAValidSearchPerformedEvent() throws Exception {
		String campaign = "IT-" + UUID.randomUUID().toString().substring(0, 8);
		try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestEngines.get().kafkaBootstrap(), ConsumerConfig.GROUP_ID_CONFIG, "search-it-" + campaign,
				// from the start, so no race with where "latest" lands; the campaign code is unique to this run
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			consumer.subscribe(List.of(Topics.DIRECTORY_ENGAGEMENT));
			assertThat(search(q("  Forklift   TRAINING ") + "&campaign=" + campaign).statusCode()).isEqualTo(200);
			long deadline = System.currentTimeMillis() + 30_000;

			String found = null;
			while (found == null && System.currentTimeMillis() < deadline) {
				for (var r : consumer.poll(Duration.ofMillis(300))) {
					if (r.value().contains(campaign)) {
						found = r.value();
					}
				}
			}
			assertThat(found).as("event with campaign %s", campaign).isNotNull();
			var accepted = (EventValidator.Accepted) new EventValidator().validate(found);
			var event = accepted.as(EventTypes.SEARCH_PERFORMED).orElseThrow();
			assertThat(event.data().query()).isEqualTo("forklift training");
			assertThat(event.data().campaignCode()).isEqualTo(campaign);
			assertThat(event.data().resultCount()).isPositive();
			assertThat(event.source()).isEqualTo("/directory-service");
		}
	}

	@Test
	void aLostIndexIsRebuiltFromTheDatabase() throws Exception {
		elasticsearch.indices().delete(d -> d.index(concreteIndex));

		projection.run(null);
		elasticsearch.indices().refresh(r -> r.index("listings-it"));

		assertThat(elasticsearch.count(c -> c.index("listings-it")).count()).isEqualTo(repository.count());
		assertThat(search(q("forklift")).body()).contains("demo-tp-005");
	}

}
