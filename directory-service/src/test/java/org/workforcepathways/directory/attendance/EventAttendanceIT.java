package org.workforcepathways.directory.attendance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.workforcepathways.contracts.CloudEvent;
import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.EventValidator;
import org.workforcepathways.contracts.Topics;
import org.workforcepathways.contracts.listing.EventAttendance;
import org.workforcepathways.testsupport.TestEngines;
import org.workforcepathways.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/** Providers record attendance of their career events on the real engines: scope, kind, validation, the event. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "directory.index.alias=listings-attendance", "directory.demo-data=classpath:search-fixture.json" })
class EventAttendanceIT {

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		TestEngines.registerFresh(registry, "directory_attendance", "listings-attendance");
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String COUNTS = """
			{"eventOn": "2025-10-03", "format": "in_person", "registered": 24, "attended": 19}""";

	@LocalServerPort
	int port;

	private final JdbcClient jdbc;

	@Autowired
	EventAttendanceIT(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json");
		if (user != null) {
			request.header("Authorization", "Bearer " + Tokens.accessToken(user));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A new career event of Calumet Community College (provider@demo.wrd's organization); the fixture has none. */
	private String careerEvent() throws Exception {
		String id = "it-ce-" + UUID.randomUUID().toString().substring(0, 8);
		var created = call("POST", "/api/directory/services", "provider@demo.wrd", """
				{"id": "%s", "kind": "career_event", "title": "Welding Lab Open House",
				 "organizationId": "calumet-community-college", "description": "See the welding lab and meet instructors.",
				 "categories": ["manufacturing"], "languages": ["en"],
				 "locations": [{"id": "%s-at-60628", "locationId": "loc-calumet-community-college-60628"}]}
				""".formatted(id, id));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return id;
	}

	private List<String> attendanceEvents(String serviceId) {
		return jdbc.sql("select payload from outbox where topic = :topic and event_key = :key order by created_at")
			.param("topic", Topics.LISTING_CHANGES)
			.param("key", serviceId)
			.query(String.class)
			.list()
			.stream()
			.filter(p -> JSON.readTree(p).get("type").asString().equals(EventTypes.EVENT_ATTENDANCE.name()))
			.toList();
	}

	@Test
	void theEventsProviderRecordsAttendanceAndItLeavesThroughTheOutbox() throws Exception {
		String id = careerEvent();

		var recorded = call("PUT", "/api/directory/listings/" + id + "/attendance", "provider@demo.wrd", COUNTS);
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
		JsonNode body = JSON.readTree(recorded.body());
		assertThat(body.get("eventOn").asString()).isEqualTo("2025-10-03");
		assertThat(body.get("registered").asInt()).isEqualTo(24);
		assertThat(body.get("attended").asInt()).isEqualTo(19);

		// a correction of the same date replaces it
		assertThat(call("PUT", "/api/directory/listings/" + id + "/attendance", "admin@demo.wrd",
				COUNTS.replace("19", "21")).statusCode()).isEqualTo(200);
		JsonNode listed = JSON.readTree(call("GET", "/api/directory/listings/" + id + "/attendance", "provider@demo.wrd",
				null).body());
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("attended").asInt()).isEqualTo(21);

		List<String> events = attendanceEvents(id);
		assertThat(events).hasSize(2);
		CloudEvent<EventAttendance> first = ((EventValidator.Accepted) new EventValidator().validate(events.get(0)))
			.as(EventTypes.EVENT_ATTENDANCE)
			.orElseThrow();
		assertThat(first.data()).isEqualTo(new EventAttendance(id, "calumet-community-college",
				java.time.LocalDate.parse("2025-10-03"), "in_person", 24, 19));
	}

	@Test
	void aProviderOfAnotherOrganizationIsRefused() throws Exception {
		String id = careerEvent();

		var put = call("PUT", "/api/directory/listings/" + id + "/attendance", "provider.b@demo.wrd", COUNTS);
		assertThat(put.statusCode()).as(put.body()).isEqualTo(403);
		assertThat(put.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(call("GET", "/api/directory/listings/" + id + "/attendance", "provider.b@demo.wrd", null).statusCode())
			.isEqualTo(403);
		assertThat(call("PUT", "/api/directory/listings/" + id + "/attendance", "case.manager@demo.wrd", COUNTS)
			.statusCode()).isEqualTo(403);
		assertThat(call("PUT", "/api/directory/listings/nope-404/attendance", "provider@demo.wrd", COUNTS).statusCode())
			.isEqualTo(404);
		assertThat(attendanceEvents(id)).isEmpty();
	}

	@Test
	void aListingThatIsNotACareerEventIsRefusedNamingKind() throws Exception {
		var bad = call("PUT", "/api/directory/listings/demo-tp-001/attendance", "provider@demo.wrd", COUNTS);
		assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(bad.body()).contains("\"field\":\"kind\"");
		assertThat(attendanceEvents("demo-tp-001")).isEmpty();
	}

	@Test
	void aNegativeCountIsNamedAndNothingIsStored() throws Exception {
		String id = careerEvent();

		var bad = call("PUT", "/api/directory/listings/" + id + "/attendance", "provider@demo.wrd",
				COUNTS.replace("24", "-3").replace("in_person", "on_the_moon"));
		assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(bad.body()).contains("\"field\":\"registered\"", "\"field\":\"format\"");
		assertThat(JSON.readTree(call("GET", "/api/directory/listings/" + id + "/attendance", "provider@demo.wrd", null)
			.body())).isEmpty();
		assertThat(attendanceEvents(id)).isEmpty();
	}

}
