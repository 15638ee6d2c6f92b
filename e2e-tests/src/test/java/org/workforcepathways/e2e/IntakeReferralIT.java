package org.workforcepathways.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.workforcepathways.contracts.EventValidator;
import org.workforcepathways.contracts.Topics;
import org.workforcepathways.testsupport.TestEngines;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done": through the gateway, on the demo directory, a case manager's client in 60617 who wants evening
 * welding and needs childcare gets a welding pathway with nearby evening programs and a childcare service, each with
 * reasons; a referral runs from sent to a 90-day retention check, seen only by the two sides, with its events on
 * {@code referral.lifecycle}.
 */
class IntakeReferralIT {

	private static final JsonMapper JSON = Gateway.JSON;

	@BeforeAll
	static void stack() {
		Suite.gateway();
	}

	private static HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
		return Gateway.call(method, path, user, body);
	}

	private static JsonNode ok(HttpResponse<String> response) {
		return Gateway.ok(response);
	}

	private static final String INTAKE = """
			{"intake": {
			   "interests": {"r1": 2, "r2": 2, "i1": 1, "c1": 1, "c2": 1, "s1": 0, "e2": 0},
			   "education": "ged", "experience": ["welding"], "credentials": [],
			   "travel": {"zip": "60617", "radiusMiles": 10, "mode": "transit"},
			   "when": ["evening"], "needsPay": false, "barriers": ["childcare"], "languages": ["en"], "language": "en"},
			 "demographics": {"consent": true, "sex": "female", "raceEthnicity": ["hispanic_latino"], "ageBand": "25_34"},
			 "save": true, "clientId": "%s"}
			""";

	@Test
	void anEveningWelderWithChildrenGetsWeldingNearbyAndChildcareAndIsFollowedToA90DayCheckIn() throws Exception {
		JsonNode client = ok(call("POST", "/api/matching/clients", "case.manager@demo.wrd",
				"{\"displayName\": \"Client " + UUID.randomUUID().toString().substring(0, 6) + "\"}"));
		String clientId = client.get("id").asString();

		JsonNode result = ok(call("POST", "/api/matching/intakes", "case.manager@demo.wrd", INTAKE.formatted(clientId)));
		assertThat(result.get("intakeId").asString()).isNotBlank();
		JsonNode welding = result.get("pathways").get(0);
		assertThat(welding.get("id").asString()).isEqualTo("welding");
		assertThat(welding.get("reasons").toString()).contains("you have experience in welding", "you said you have a GED");
		List<JsonNode> programs = new ArrayList<>();
		welding.get("steps").forEach(s -> s.get("programs").forEach(programs::add));
		assertThat(programs).isNotEmpty();
		assertThat(programs).anySatisfy(p -> {
			assertThat(p.get("reasons").toString()).contains("evening classes");
			assertThat(p.get("distanceMiles").asDouble()).isLessThanOrEqualTo(10);
			assertThat(p.get("reasons").toString()).containsPattern("\\d+\\.\\d miles away");
		});
		JsonNode childcare = result.get("supports").get(0);
		assertThat(childcare.get("barrier").asString()).isEqualTo("childcare");
		assertThat(childcare.get("services")).isNotEmpty();
		assertThat(childcare.get("services").get(0).get("reasons").toString()).contains("miles away");

		// anonymous: matched, never kept
		var anonymous = call("POST", "/api/matching/intakes", "jobseeker@demo.wrd",
				INTAKE.formatted(clientId).replace("\"save\": true, \"clientId\": \"" + clientId + "\"", "\"save\": false"));
		assertThat(ok(anonymous).hasNonNull("intakeId")).isFalse();

		JsonNode referral = ok(call("POST", "/api/matching/referrals", "case.manager@demo.wrd",
				"{\"listingId\": \"demo-tp-0001\", \"clientId\": \"" + clientId + "\", \"note\": \"Evening welding please\"}"));
		String id = referral.get("id").asString();
		assertThat(referral.get("status").asString()).isEqualTo("sent");
		assertThat(referral.get("providerOrganizationId").asString()).isEqualTo("calumet-community-college");

		// only the two sides see it
		assertThat(call("GET", "/api/matching/referrals/" + id, "case.manager.b@demo.wrd", null).statusCode()).isEqualTo(404);
		assertThat(call("GET", "/api/matching/referrals/" + id, "provider.b@demo.wrd", null).statusCode()).isEqualTo(404);
		assertThat(ok(call("GET", "/api/matching/referrals?status=sent", "provider@demo.wrd", null)).toString()).contains(id);

		String status = "/api/matching/referrals/" + id + "/status";
		ok(call("POST", status, "provider@demo.wrd", "{\"status\": \"accepted\"}"));
		var skip = call("POST", status, "provider@demo.wrd", "{\"status\": \"completed\"}");
		assertThat(skip.statusCode()).isEqualTo(409);
		assertThat(skip.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(JSON.readTree(skip.body()).get("currentStatus").asString()).isEqualTo("accepted");
		assertThat(call("POST", status, "case.manager@demo.wrd", "{\"status\": \"enrolled\"}").statusCode()).isEqualTo(403);
		ok(call("POST", status, "provider@demo.wrd", "{\"status\": \"enrolled\"}"));
		assertThat(call("POST", status, "provider@demo.wrd", "{\"status\": \"exited\"}").body()).contains("\"field\":\"reason\"");
		ok(call("POST", status, "provider@demo.wrd", "{\"status\": \"completed\"}"));

		String placedOn = LocalDate.now(java.time.ZoneId.of("America/Chicago")).minusDays(95).toString();
		JsonNode placed = ok(call("POST", "/api/matching/referrals/" + id + "/placement", "case.manager@demo.wrd",
				"{\"placedOn\": \"" + placedOn + "\"}"));
		assertThat(placed.get("checkIns")).hasSize(4);
		JsonNode due = ok(call("GET", "/api/matching/follow-ups", "case.manager@demo.wrd", null));
		List<Integer> days = new ArrayList<>();
		due.forEach(f -> {
			if (f.get("referralId").asString().equals(id)) {
				days.add(f.get("day").asInt());
			}
		});
		assertThat(days).containsExactly(30, 90);
		assertThat(call("POST", "/api/matching/referrals/" + id + "/check-ins/180", "case.manager@demo.wrd",
				"{\"employed\": true}").statusCode()).isEqualTo(409);
		JsonNode checked = ok(call("POST", "/api/matching/referrals/" + id + "/check-ins/90", "case.manager@demo.wrd",
				"{\"employed\": true}"));
		assertThat(checked.get("checkIns").get(1).get("employed").asBoolean()).isTrue();
		assertThat(call("POST", "/api/matching/referrals/" + id + "/check-ins/90", "case.manager@demo.wrd",
				"{\"employed\": true}").statusCode()).isEqualTo(409);
		assertThat(ok(call("GET", "/api/matching/referrals/" + id, "case.manager@demo.wrd", null)).get("history"))
			.hasSize(4);

		List<JsonNode> events = lifecycleEvents(id, 6);
		assertThat(events).extracting(e -> e.get("type").asString().replace("org.workforcepathways.matching.", "")
				+ ":" + e.get("data").path("status").asString(e.get("data").path("day").asString()))
			.containsExactly("referral-changed:sent", "referral-changed:accepted", "referral-changed:enrolled",
					"referral-changed:completed", "referral-changed:completed", "retention-checked:90");
		EventValidator validator = new EventValidator();
		events.forEach(e -> assertThat(validator.validate(e.toString())).isInstanceOf(EventValidator.Accepted.class));
		JsonNode last = events.getLast().get("data");
		assertThat(last.get("personRef").asString()).hasSize(24).doesNotContain(clientId);
		assertThat(last.get("demographics").get("sex").asString()).isEqualTo("female");
		assertThat(events.toString()).doesNotContain("Evening welding please", client.get("displayName").asString());
	}

	/** The referral's events on referral.lifecycle, in order, once {@code count} have arrived. */
	private static List<JsonNode> lifecycleEvents(String referralId, int count) {
		try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestEngines.get().kafkaBootstrap(), ConsumerConfig.GROUP_ID_CONFIG, "referral-it-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			consumer.subscribe(List.of(Topics.REFERRAL_LIFECYCLE));
			List<JsonNode> found = new ArrayList<>();
			long deadline = System.currentTimeMillis() + 30_000;
			while (found.size() < count && System.currentTimeMillis() < deadline) {
				for (var r : consumer.poll(Duration.ofMillis(300))) {
					if (referralId.equals(r.key())) {
						found.add(JSON.readTree(r.value()));
					}
				}
			}
			return found;
		}
	}

}
