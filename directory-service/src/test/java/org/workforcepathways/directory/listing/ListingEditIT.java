package org.workforcepathways.directory.listing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.EventValidator;
import org.workforcepathways.contracts.Topics;
import org.workforcepathways.testsupport.TestEngines;
import org.workforcepathways.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/** Providers keep listings current on the real engines: versions, validation, scope, history, events, search. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "directory.index.alias=listings-edit", "directory.demo-data=classpath:search-fixture.json" })
class ListingEditIT {

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		TestEngines.register(registry, "directory_edit");
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	private HttpResponse<String> call(String method, String path, String user, String ifMatch, String body)
			throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json");
		if (user != null) {
			request.header("Authorization", "Bearer " + Tokens.accessToken(user));
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String etag(String id) throws Exception {
		return call("GET", "/api/directory/services/" + id, null, null, null).headers().firstValue("ETag").orElseThrow();
	}

	@Test
	void aProviderUpdatesSeatsAndAStaleEditGets409WithNothingOverwritten() throws Exception {
		String read = etag("demo-tp-001");
		int seats = JSON.readTree(call("GET", "/api/directory/services/demo-tp-001", null, null, null).body())
			.get("listing").get("workforce").get("seatsOpen").asInt() == 2 ? 3 : 2;

		var first = call("PATCH", "/api/directory/services/demo-tp-001/availability", "provider@demo.wrd", read,
				"{\"seatsOpen\": " + seats + "}");
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		String after = first.headers().firstValue("ETag").orElseThrow();
		assertThat(after).isNotEqualTo(read);

		// a second tab still holding the old version
		var stale = call("PATCH", "/api/directory/services/demo-tp-001/availability", "provider@demo.wrd", read,
				"{\"seatsOpen\": 5}");
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(JSON.readTree(stale.body()).get("currentVersion").asString()).isEqualTo(after.replace("\"", ""));
		JsonNode now = JSON.readTree(call("GET", "/api/directory/services/demo-tp-001", null, null, null).body());
		assertThat(now.get("listing").get("workforce").get("seatsOpen").asInt()).isEqualTo(seats);

		assertThat(call("PATCH", "/api/directory/services/demo-tp-001/availability", "provider@demo.wrd", null,
				"{\"seatsOpen\": 5}").statusCode()).isEqualTo(428);

		var history = JSON.readTree(call("GET", "/api/directory/services/demo-tp-001/history", "provider@demo.wrd", null,
				null).body());
		JsonNode latest = history.get(0);
		assertThat(latest.get("actorRole").asString()).isEqualTo("provider");
		assertThat(latest.get("actorOrganization").asString()).isEqualTo("calumet-community-college");
		assertThat(latest.get("fields").get("workforce.seatsOpen").get("to").asInt()).isEqualTo(seats);
	}

	@Test
	void anotherOrganizationsListingIsNotFoundForAProvider() throws Exception {
		String read = etag("demo-tp-001");
		var other = call("PATCH", "/api/directory/services/demo-tp-001/availability", "provider.b@demo.wrd", read,
				"{\"seatsOpen\": 1}");
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(call("GET", "/api/directory/services/demo-tp-001/history", "provider.b@demo.wrd", null, null)
			.statusCode()).isEqualTo(404);
		assertThat(call("PATCH", "/api/directory/services/demo-tp-001/availability", "case.manager@demo.wrd", read,
				"{\"seatsOpen\": 1}").statusCode()).isEqualTo(403);
		assertThat(call("PATCH", "/api/directory/services/demo-tp-001/availability", null, read, "{\"seatsOpen\": 1}")
			.statusCode()).isEqualTo(401);
		// an admin acts for every organization
		assertThat(call("PATCH", "/api/directory/services/demo-tp-003/availability", "admin@demo.wrd",
				etag("demo-tp-003"), "{\"seatsOpen\": 1}").statusCode()).isEqualTo(200);
	}

	@Test
	void everyBadFieldIsNamedAndNothingIsWritten() throws Exception {
		String read = etag("demo-tp-001");
		JsonNode listing = JSON.readTree(call("GET", "/api/directory/services/demo-tp-001", null, null, null).body())
			.get("listing");
		var broken = (tools.jackson.databind.node.ObjectNode) listing.deepCopy();
		broken.put("title", "   ");
		broken.withArray("categories").add("underwater basket weaving");
		broken.withObject("workforce").put("seatsOpen", 9999);
		broken.withArray("phones").addObject().put("number", "call us").put("type", "voice");
		broken.withArray("schedules").addObject().put("description", "x".repeat(600));
		broken.put("email", "a".repeat(190) + "@example.org");
		var bad = call("PUT", "/api/directory/services/demo-tp-001", "provider@demo.wrd", read, broken.toString());
		assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
		assertThat(bad.body()).contains("\"field\":\"categories[2]\"", "\"field\":\"title\"",
				"\"field\":\"workforce.seatsOpen\"", "\"field\":\"phones[0].number\"", "\"field\":\"email\"");
		assertThat(bad.body()).containsPattern("\"field\":\"schedules\\[\\d\\]\\.description\"");

		var unknownKind = call("PUT", "/api/directory/services/demo-tp-001", "provider@demo.wrd", read,
				listing.toString().replace("\"training_program\"", "\"lecture\""));
		assertThat(unknownKind.statusCode()).isEqualTo(400);
		assertThat(unknownKind.body()).contains("\"field\":\"kind\"");
		assertThat(call("PUT", "/api/directory/services/demo-tp-001", "provider@demo.wrd", "\"abc\"", listing.toString())
			.body()).contains("\"field\":\"If-Match\"");
		assertThat(etag("demo-tp-001")).isEqualTo(read);

		var notJson = call("PATCH", "/api/directory/services/demo-tp-001/availability", "provider@demo.wrd", read,
				"{\"seatsOpen\": \"many\"}");
		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(notJson.body()).contains("\"field\":\"seatsOpen\"");
	}

	@Test
	void aNewListingIsSearchableAndARetiredOneLeavesSearchButKeepsItsHistory() throws Exception {
		String id = "it-" + UUID.randomUUID().toString().substring(0, 8);
		String body = """
				{"id": "%s", "kind": "training_program", "title": "Pipefitting Weekend Intensive",
				 "organizationId": "calumet-community-college", "description": "Pipefitting basics on Saturdays.",
				 "categories": ["manufacturing"], "languages": ["en"],
				 "locations": [{"id": "%s-at-60628", "locationId": "loc-calumet-community-college-60628"}],
				 "phones": [{"number": "(773) 555-0199", "type": "voice"}],
				 "schedules": [{"freq": "WEEKLY", "byday": "SA", "opensAt": "09:00", "closesAt": "13:00"}],
				 "workforce": {"free": true, "cost": 0, "schedule": ["weekend", "in_person"], "seatsTotal": 12,
				               "seatsOpen": 12}}
				""".formatted(id, id);
		var created = call("POST", "/api/directory/services", "provider@demo.wrd", null, body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");
		assertThat(call("POST", "/api/directory/services", "provider@demo.wrd", null, body).statusCode()).isEqualTo(409);
		assertThat(call("POST", "/api/directory/services", "provider.b@demo.wrd", null, body.replace(id, id + "b"))
			.body()).contains("\"field\":\"organizationId\"");

		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> call("GET",
				"/api/directory/search?q=pipefitting%20weekend", null, null, null).body().contains(id));

		var retired = call("DELETE", "/api/directory/services/" + id, "provider@demo.wrd", "\"0\"", null);
		assertThat(retired.statusCode()).isEqualTo(200);
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !call("GET",
				"/api/directory/search?q=pipefitting%20weekend", null, null, null).body().contains(id));
		JsonNode after = JSON.readTree(call("GET", "/api/directory/services/" + id, null, null, null).body());
		assertThat(after.get("listing").get("status").asString()).isEqualTo("inactive");
		JsonNode history = JSON.readTree(call("GET", "/api/directory/services/" + id + "/history", "provider@demo.wrd",
				null, null).body());
		assertThat(history.findValuesAsString("change")).containsExactly("retired", "created");
	}

	@Test
	void everyChangeReachesListingChangesThroughTheOutbox() throws Exception {
		String read = etag("demo-ss-002");
		int seats = 3 + (int) (System.nanoTime() % 7);
		var edit = call("PATCH", "/api/directory/services/demo-ss-002/availability", "admin@demo.wrd", read,
				"{\"seatsTotal\": 20, \"seatsOpen\": " + seats + "}");
		assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
		long version = Long.parseLong(edit.headers().firstValue("ETag").orElseThrow().replace("\"", ""));

		try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestEngines.get().kafkaBootstrap(), ConsumerConfig.GROUP_ID_CONFIG, "edit-it-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			consumer.subscribe(List.of(Topics.LISTING_CHANGES));
			List<String> matching = new ArrayList<>();
			long deadline = System.currentTimeMillis() + 30_000;
			while (matching.isEmpty() && System.currentTimeMillis() < deadline) {
				for (var r : consumer.poll(Duration.ofMillis(300))) {
					if (r.key().equals("demo-ss-002") && r.value().contains("\"version\":" + version + ",")) {
						matching.add(r.value());
					}
				}
			}
			assertThat(matching).hasSize(1);
			var event = ((EventValidator.Accepted) new EventValidator().validate(matching.get(0)))
				.as(EventTypes.LISTING_CHANGED)
				.orElseThrow();
			assertThat(event.data().seatsOpen()).isEqualTo(seats);
			assertThat(event.data().change()).isEqualTo("updated");
		}
	}

	@Test
	void aReportOfWrongInformationReachesTheProviderUntilTheyConfirmTheListing() throws Exception {
		assertThat(call("POST", "/api/directory/services/demo-tp-006/ratings", null, null,
				"{\"stars\": 2, \"informationCorrect\": false}").statusCode()).isEqualTo(202);
		var bad = call("POST", "/api/directory/services/demo-tp-006/ratings", null, null, "{\"stars\": 7}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("\"field\":\"stars\"");

		JsonNode attention = JSON.readTree(call("GET", "/api/directory/attention", "provider@demo.wrd", null, null).body());
		assertThat(attention.findValuesAsString("serviceId")).contains("demo-tp-006");
		assertThat(JSON.readTree(call("GET", "/api/directory/attention", "provider.b@demo.wrd", null, null).body())
			.findValuesAsString("serviceId")).doesNotContain("demo-tp-006");

		assertThat(call("POST", "/api/directory/services/demo-tp-006/verify", "provider.b@demo.wrd", null, null)
			.statusCode()).isEqualTo(404);
		assertThat(call("POST", "/api/directory/services/demo-tp-006/verify", "provider@demo.wrd", null, null)
			.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(call("GET", "/api/directory/attention", "provider@demo.wrd", null, null).body())
			.findValuesAsString("serviceId")).doesNotContain("demo-tp-006");
		assertThat(JSON.readTree(call("GET", "/api/directory/services/demo-tp-006/history", "provider@demo.wrd", null,
				null).body()).get(0).get("change").asString()).isEqualTo("verified");
	}

	@Test
	void contactAndApplyClicksAndCampaignLandingsBecomeEngagementEvents() throws Exception {
		String campaign = "EDIT-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(call("POST", "/api/directory/engagement/actions", null, null,
				"{\"serviceId\": \"demo-tp-001\", \"action\": \"apply\", \"channel\": \"website\", \"campaign\": \""
						+ campaign + "\"}").statusCode()).isEqualTo(202);
		assertThat(call("POST", "/api/directory/engagement/landings", null, null,
				"{\"campaign\": \"" + campaign + "\", \"page\": \"/search\", \"language\": \"es\"}").statusCode())
			.isEqualTo(202);
		var unknown = call("POST", "/api/directory/engagement/actions", null, null,
				"{\"serviceId\": \"nope\", \"action\": \"contact\", \"channel\": \"phone\"}");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("\"field\":\"serviceId\"");
		var wrongChannel = call("POST", "/api/directory/engagement/actions", null, null,
				"{\"serviceId\": \"demo-tp-001\", \"action\": \"contact\", \"channel\": \"fax\"}");
		assertThat(wrongChannel.body()).contains("\"field\":\"channel\"");

		try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestEngines.get().kafkaBootstrap(), ConsumerConfig.GROUP_ID_CONFIG, "edit-it-" + campaign,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			consumer.subscribe(List.of(Topics.DIRECTORY_ENGAGEMENT));
			List<String> found = new ArrayList<>();
			long deadline = System.currentTimeMillis() + 30_000;
			while (found.size() < 2 && System.currentTimeMillis() < deadline) {
				for (var r : consumer.poll(Duration.ofMillis(300))) {
					if (r.value().contains(campaign)) {
						found.add(r.value());
					}
				}
			}
			var validator = new EventValidator();
			assertThat(found).hasSize(2).allSatisfy(f -> assertThat(validator.validate(f))
				.isInstanceOf(EventValidator.Accepted.class));
			var apply = found.stream()
				.flatMap(f -> ((EventValidator.Accepted) validator.validate(f)).as(EventTypes.LISTING_ACTION).stream())
				.findFirst()
				.orElseThrow();
			assertThat(apply.data().action()).isEqualTo("apply");
			assertThat(apply.data().organizationId()).isEqualTo("calumet-community-college");
		}
	}

}
