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
import org.workforcepathways.directory.listing.DirectoryData;
import org.workforcepathways.directory.listing.DirectoryStore;
import org.workforcepathways.directory.listing.Listing;
import org.workforcepathways.directory.listing.ListingRepository;
import org.workforcepathways.testsupport.TestEngines;
import org.workforcepathways.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/** Search on the real engines: PostgreSQL as the record, Elasticsearch as the projection, Kafka for the events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "directory.index.alias=listings-it", "directory.demo-data=classpath:search-fixture.json" })
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

	private final ListingIndex index;

	private final DirectoryStore store;

	@Autowired
	SearchIT(ElasticsearchClient elasticsearch, ListingRepository repository, ListingProjection projection,
			ListingIndex index, DirectoryStore store) {
		this.elasticsearch = elasticsearch;
		this.repository = repository;
		this.projection = projection;
		this.index = index;
		this.store = store;
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
		assertThat(results.get(0).get("serviceId").asString()).isIn("demo-tp-001", "demo-tp-003");
		assertThat(results.get(0).get("highlights").toString()).contains("<em>");
	}

	/** The listings a text query finds, best first (a listing at two locations counts once). */
	private List<String> ids(String query) throws Exception {
		var response = search(q(query) + "&size=10");
		assertThat(response.statusCode()).as(query).isEqualTo(200);
		return serviceIds(JSON.readTree(response.body()));
	}

	private static List<String> serviceIds(JsonNode body) {
		java.util.Set<String> ids = new java.util.LinkedHashSet<>();
		body.get("results").forEach(r -> ids.add(r.get("serviceId").asString()));
		return List.copyOf(ids);
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

	private JsonNode body(String query) throws Exception {
		var response = search(query);
		assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	@Test
	void nearAZipWithinARadiusWithDistancesSortedByDistance() throws Exception {
		JsonNode near = body("zip=60617&radiusMiles=5&sort=distance&size=50");

		assertThat(near.get("total").asLong()).isPositive();
		double previous = 0;
		for (JsonNode r : near.get("results")) {
			double miles = r.get("distanceMiles").asDouble();
			assertThat(miles).isBetween(previous, 5.0);
			previous = miles;
		}
		List<String> ids = new java.util.ArrayList<>();
		near.get("results").forEach(r -> ids.add(r.get("id").asString()));
		// a search result is a listing at one location: the childcare listing is offered in 60617 and in Harvey
		assertThat(ids).contains("demo-tp-002", "demo-ss-001-at-60617")
			.doesNotContain("demo-jo-001", "demo-ss-003", "demo-ss-001-at-60426");
	}

	@Test
	void aListingAtTwoLocationsIsTwoResultsEachWithItsOwnDistance() throws Exception {
		JsonNode childcare = body(q("child care") + "&zip=60426");

		List<JsonNode> sites = new java.util.ArrayList<>();
		childcare.get("results").forEach(r -> {
			if (r.get("serviceId").asString().equals("demo-ss-001")) {
				sites.add(r);
			}
		});
		assertThat(sites).extracting(r -> r.get("id").asString())
			.containsExactlyInAnyOrder("demo-ss-001-at-60617", "demo-ss-001-at-60426");
		JsonNode harvey = sites.stream().filter(r -> r.get("zip").asString().equals("60426")).findFirst().orElseThrow();
		JsonNode southChicago = sites.stream().filter(r -> r.get("zip").asString().equals("60617")).findFirst().orElseThrow();
		assertThat(harvey.get("distanceMiles").asDouble()).isLessThan(2.0);
		assertThat(southChicago.get("distanceMiles").asDouble()).isGreaterThan(5.0);
		assertThat(harvey.get("address").asString()).isEqualTo("15400 Center St");
		// nearness is part of the ranking: the nearer site of the same listing ranks above the farther one
		assertThat(sites.get(0).get("zip").asString()).isEqualTo("60426");
	}

	@Test
	void filtersNarrowAndFacetsCountWhatMatched() throws Exception {
		JsonNode evening = body("schedule=evening&kind=training_program&size=50");
		assertThat(serviceIds(evening)).containsExactlyInAnyOrder("demo-tp-001", "demo-tp-003", "demo-tp-006");

		JsonNode free = body("cost=free&openSeats=true&size=50");
		free.get("results").forEach(r -> {
			assertThat(r.get("free").asBoolean()).isTrue();
			assertThat(r.get("seatsOpen").asInt()).isPositive();
		});
		assertThat(body("credential=AWS%20D1.1").get("results").get(0).get("serviceId").asString())
			.isEqualTo("demo-tp-001");
		assertThat(body("occupation=53-7051.00").get("total").asLong()).isEqualTo(1);
		assertThat(body("startsBefore=2026-12-31&kind=training_program").get("total").asLong()).isEqualTo(2);

		JsonNode all = body("size=1");
		long total = all.get("total").asLong();
		long byKind = 0;
		for (var count : all.get("facets").get("kind").properties()) {
			byKind += count.getValue().asLong();
		}
		assertThat(byKind).isEqualTo(total);
		assertThat(all.get("facets").get("cost").get("free").asLong()).isPositive();
	}

	@Test
	void cursorPagingVisitsEveryMatchOnce() throws Exception {
		java.util.Set<String> seen = new java.util.LinkedHashSet<>();
		JsonNode page = body("sort=start&size=4");
		long total = page.get("total").asLong();
		int pages = 0;
		while (true) {
			page.get("results").forEach(r -> assertThat(seen.add(r.get("id").asString())).isTrue());
			pages++;
			if (page.get("nextCursor") == null || page.get("nextCursor").isNull() || pages > 10) {
				break;
			}
			page = body("sort=start&size=4&cursor=" + page.get("nextCursor").asString());
		}
		assertThat((long) seen.size()).isEqualTo(total);
		assertThat(pages).isGreaterThan(1);
	}

	@Test
	void nothingUnderTheFiltersGivesARelaxedAnswerMarkedAsSuch() throws Exception {
		JsonNode relaxed = body(q("forklift") + "&kind=career_event");

		assertThat(relaxed.get("relaxed").asBoolean()).isTrue();
		assertThat(relaxed.get("droppedFilters").get("kind").asString()).isEqualTo("career_event");
		assertThat(relaxed.get("results").get(0).get("serviceId").asString()).isEqualTo("demo-tp-005");
	}

	@Test
	void aMisspellingGetsADidYouMean() throws Exception {
		assertThat(body(q("forklfit")).get("didYouMean").asString()).isEqualTo("forklift");
	}

	@Test
	void whenTheTypedWordsMatchPoorlyTheCorrectedSpellingIsSearchedAndSaidSo() throws Exception {
		JsonNode corrected = body(q("forklfit operator"));

		assertThat(corrected.get("showingResultsFor").asString()).as(corrected.toString()).isEqualTo("forklift operator");
		assertThat(corrected.get("results").get(0).get("serviceId").asString()).isEqualTo("demo-tp-005");
		assertThat(corrected.get("results").get(0).get("matchesAllWords").asBoolean()).isTrue();
		// words the directory knows are never "corrected"
		assertThat(body(q("soldadura")).get("showingResultsFor").isNull()).isTrue();
	}

	@Test
	void resultsSayWhenTheyMatchOnlySomeOfTheWords() throws Exception {
		JsonNode none = body(q("welding piano"));
		assertThat(none.get("total").asLong()).isPositive();
		none.get("results").forEach(r -> assertThat(r.get("matchesAllWords").asBoolean()).isFalse());

		JsonNode all = body(q("welding certificate"));
		assertThat(all.get("results").get(0).get("matchesAllWords").asBoolean()).isTrue();
	}

	@Test
	void aZipTypedWithTheWordsSearchesNearIt() throws Exception {
		JsonNode near = body(q("forklift near 60426"));

		assertThat(near.get("results").get(0).get("serviceId").asString()).isEqualTo("demo-tp-005");
		assertThat(near.get("results").get(0).get("distanceMiles").asDouble()).isLessThan(2.0);
		near.get("results").forEach(r -> assertThat(r.get("distanceMiles").asDouble()).isLessThanOrEqualTo(10.0));
	}

	@Test
	void badSearchParametersAreA400NamingEach() throws Exception {
		for (String[] c : new String[][] { { "zip=99999", "zip" }, { "zip=6061", "zip" }, { "lat=91&lon=0", "lat" },
				{ "lat=41.7", "lon" }, { "zip=60617&radiusMiles=-5", "radiusMiles" }, { "radiusMiles=5", "radiusMiles" },
				{ "sort=distance", "sort" }, { "sort=random", "sort" }, { "kind=nope", "kind" },
				{ "schedule=midnight", "schedule" }, { "cost=cheap", "cost" }, { "startsBefore=tomorrow", "startsBefore" },
				{ "openSeats=maybe", "openSeats" }, { "occupation=welder", "occupation" }, { "language=spanish", "language" },
				{ "cursor=not-a-cursor", "cursor" } }) {
			var response = search(c[0]);
			assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
			assertThat(response.body()).as(c[0]).contains("\"field\":\"" + c[1] + "\"");
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aListingInFullWithItsOrganizationLocationsSchedulesAndWorkforceFields() throws Exception {
		var response = get("/api/directory/services/demo-tp-001");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		JsonNode l = body.get("listing");
		assertThat(body.get("organization").get("name").asString()).isEqualTo("Calumet Community College (sample)");
		assertThat(l.get("workforce").get("credential").asString()).isEqualTo("AWS D1.1");
		assertThat(l.get("workforce").get("nextStart").asString()).isEqualTo("2027-01-12");
		assertThat(l.get("workforce").get("seatsOpen").asInt()).isEqualTo(6);
		assertThat(l.get("locations").get(0).get("location").get("address").get("postalCode").asString())
			.isEqualTo("60628");
		assertThat(l.get("schedules").get(0).get("byday").asString()).isEqualTo("MO,TU,WE,TH");
		assertThat(l.get("schedules").get(0).get("opensAt").asString()).isEqualTo("18:00:00");

		// a search result's id (one location of a listing) opens the same listing
		var site = JSON.readTree(get("/api/directory/services/demo-ss-001-at-60426").body());
		assertThat(site.get("listing").get("id").asString()).isEqualTo("demo-ss-001");
		assertThat(site.get("listing").get("locations")).hasSize(2);

		var missing = get("/api/directory/services/nope");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(get("/api/directory/services/bad%20id").statusCode()).isEqualTo(400);
	}

	@Test
	void typeAheadOffersTitlesOrganizationsOccupationsAndCategories() throws Exception {
		JsonNode wel = JSON.readTree(get("/api/directory/suggest?q=wel").body());
		assertThat(wel.toString()).contains("Welding Technology Certificate (evening)");
		assertThat(wel.findValuesAsString("type")).contains("listing", "category", "occupation");
		assertThat(wel.toString()).contains("Welders, Cutters, Solderers, and Brazers");

		JsonNode org = JSON.readTree(get("/api/directory/suggest?q=calumet%20comm").body());
		assertThat(org.get("suggestions")).anySatisfy(s -> {
			assertThat(s.get("type").asString()).isEqualTo("organization");
			assertThat(s.get("text").asString()).isEqualTo("Calumet Community College (sample)");
		});
		assertThat(get("/api/directory/suggest?q=").statusCode()).isEqualTo(400);
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

		var badSession = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/directory/search?q=cnc"))
				.header("WRD-Session", "<x>")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(badSession.statusCode()).isEqualTo(400);
		assertThat(badSession.body()).contains("\"field\":\"WRD-Session\"");
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
			String session = UUID.randomUUID().toString();
			var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/directory/search?"
					+ q("  Forklift   TRAINING ") + "&campaign=" + campaign)).header("WRD-Session", session).build();
			assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
				.isEqualTo(200);
			assertThat(get("/api/directory/services/demo-ss-001-at-60426?campaign=" + campaign).statusCode())
				.isEqualTo(200);
			long deadline = System.currentTimeMillis() + 30_000;

			List<String> found = new java.util.ArrayList<>();
			while (found.size() < 2 && System.currentTimeMillis() < deadline) {
				for (var r : consumer.poll(Duration.ofMillis(300))) {
					if (r.value().contains(campaign)) {
						found.add(r.value());
					}
				}
			}
			assertThat(found).as("events with campaign %s", campaign).hasSize(2);
			var validator = new EventValidator();
			var searched = found.stream()
				.flatMap(f -> ((EventValidator.Accepted) validator.validate(f)).as(EventTypes.SEARCH_PERFORMED).stream())
				.findFirst()
				.orElseThrow();
			assertThat(searched.data().query()).isEqualTo("forklift training");
			assertThat(searched.data().campaignCode()).isEqualTo(campaign);
			assertThat(searched.data().resultCount()).isPositive();
			assertThat(searched.source()).isEqualTo("/directory-service");
			// only a pseudonym of the session travels, never what the browser sent
			assertThat(searched.data().sessionId()).hasSize(24).isNotEqualTo(session);
			assertThat(found.get(0)).doesNotContain(session);

			var viewed = found.stream()
				.flatMap(f -> ((EventValidator.Accepted) validator.validate(f)).as(EventTypes.LISTING_VIEWED).stream())
				.findFirst()
				.orElseThrow();
			assertThat(viewed.data().serviceId()).isEqualTo("demo-ss-001");
			assertThat(viewed.data().serviceAtLocationId()).isEqualTo("demo-ss-001-at-60426");
			assertThat(viewed.data().organizationId()).isEqualTo("family-support-network-of-the-south-side");
		}
	}

	@Test
	void aSavedChangeIsSearchableRightAwayAndALocationDroppedLeavesTheIndex() throws Exception {
		Listing childcare = repository.findById("demo-ss-001").orElseThrow();
		Listing moved = new Listing(childcare.id(), childcare.kind(), "Child Care Assistance (Harvey only)",
				childcare.organizationId(), childcare.description(), childcare.categories(), childcare.languages(),
				childcare.url(), childcare.email(), childcare.status(), childcare.eligibilityDescription(),
				childcare.locations().stream().filter(s -> s.id().endsWith("60426")).toList(), childcare.phones(),
				childcare.schedules(), childcare.workforce(), childcare.sample(), null, null);
		try {
			assertThat(store.save(new DirectoryData(List.of(), List.of(), List.of(moved)))).isEqualTo(1);

			// the index refreshes every 500 ms
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				JsonNode found = body(q("harvey only"));
				assertThat(serviceIds(found)).first().isEqualTo("demo-ss-001");
				assertThat(found.get("results").findValuesAsString("id")).doesNotContain("demo-ss-001-at-60617");
			});
			assertThat(repository.findById("demo-ss-001").orElseThrow().version()).isEqualTo(childcare.version() + 1);
			// saving the same thing again changes nothing
			assertThat(store.save(new DirectoryData(List.of(), List.of(), List.of(moved)))).isZero();
		}
		finally {
			store.save(new DirectoryData(List.of(), List.of(), List.of(childcare)));
		}
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(
				() -> assertThat(body(q("child care") + "&size=20").get("results").findValuesAsString("id"))
					.contains("demo-ss-001-at-60617", "demo-ss-001-at-60426"));
	}

	@Test
	void aLostIndexIsRebuiltFromTheDatabase() throws Exception {
		String live = index.aliasTarget().orElseThrow();
		elasticsearch.indices().delete(d -> d.index(live));

		projection.run(null);

		assertThat(elasticsearch.count(c -> c.index("listings-it")).count()).isEqualTo(repository.countSearchUnits())
			.isGreaterThan(repository.count());
		assertThat(search(q("forklift")).body()).contains("demo-tp-005");
	}

	@Test
	void anAdministratorRebuildsTheIndexBesideTheLiveOneAndFollowsProgress() throws Exception {
		String before = index.aliasTarget().orElseThrow();
		var http = HttpClient.newHttpClient();
		String admin = "Bearer " + Tokens.accessToken("admin@demo.wrd");
		var anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/directory/index"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		var provider = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/directory/index"))
			.header("Authorization", "Bearer " + Tokens.accessToken("provider@demo.wrd"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(provider.statusCode()).isEqualTo(403);

		var started = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/directory/index/rebuild"))
			.header("Authorization", admin)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(started.statusCode()).isEqualTo(202);

		JsonNode status;
		long deadline = System.currentTimeMillis() + 60_000;
		do {
			// searches keep answering from the old index while the new one fills
			assertThat(search(q("forklift")).body()).contains("demo-tp-005");
			status = JSON.readTree(http.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/api/directory/index"))
				.header("Authorization", admin)
				.build(), HttpResponse.BodyHandlers.ofString()).body());
		}
		while (status.get("rebuild").get("running").asBoolean() && System.currentTimeMillis() < deadline);

		assertThat(status.get("rebuild").get("error").isNull()).isTrue();
		assertThat(status.get("rebuild").get("done").asLong()).isEqualTo(repository.count());
		assertThat(status.get("index").asString()).isNotEqualTo(before).startsWith("listings-it-v");
		assertThat(status.get("documents").asLong()).isEqualTo(status.get("expectedDocuments").asLong());
		assertThat(elasticsearch.indices().exists(e -> e.index(before)).value()).isFalse();
	}

}
