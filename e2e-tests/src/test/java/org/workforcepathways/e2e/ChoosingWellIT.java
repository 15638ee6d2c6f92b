package org.workforcepathways.e2e;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "choosing well" issue's done, through the gateway on the demo directory: two programs with outcomes side by
 * side; a screener result that travels with a referral to the provider only while consent lasts; an overdue referral
 * in the digest; "do not contact" silencing follow-ups.
 */
class ChoosingWellIT {

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

	private static String newClient() throws Exception {
		return ok(call("POST", "/api/matching/clients", "case.manager@demo.wrd",
				"{\"displayName\": \"Client " + UUID.randomUUID().toString().substring(0, 6) + "\"}")).get("id").asString();
	}

	@Test
	void twoDemoProgramsWithOutcomesCompareSideBySide() throws Exception {
		JsonNode columns = ok(call("GET", "/api/directory/compare?ids=demo-tp-0001,demo-tp-0007&zip=60617", null, null));
		assertThat(columns).hasSize(2);
		for (JsonNode c : columns) {
			assertThat(c.get("outcomes").get("suppressed").asBoolean()).isFalse();
			assertThat(c.get("outcomes").get("employedQ2").asDouble()).isPositive();
			assertThat(c.get("outcomes").get("source").asString()).isNotBlank();
			assertThat(c.get("schedule")).isNotEmpty();
		}
		// the sample cohort of 8 is never shown
		JsonNode small = ok(call("GET", "/api/directory/services/demo-tp-0010/outcomes", null, null));
		assertThat(small.get("suppressed").asBoolean()).isTrue();
		assertThat(small.get("outcome").get("completionRate").isNull()).isTrue();
	}

	@Test
	void aScreenerResultTravelsWithTheReferralToTheProviderOnlyWhileConsentLasts() throws Exception {
		ok(call("PUT", "/api/directory/services/demo-tp-0001/screener", "provider@demo.wrd", """
				{"questions": [{"id": "age", "type": "min_age", "limit": 18, "text": {"en": "How old are you?"}},
				  {"id": "license", "type": "drivers_license", "text": {"en": "Do you have a driver's licence?"}}]}"""));
		String client = newClient();
		JsonNode sent = ok(call("POST", "/api/matching/referrals", "case.manager@demo.wrd", """
				{"listingId": "demo-tp-0001", "clientId": "%s", "note": "Prefers evenings",
				 "screener": {"age": "27", "license": "yes"}, "shareWithProvider": true}""".formatted(client)));
		String id = sent.get("id").asString();
		assertThat(sent.get("screener").get("result").asString()).isEqualTo("likely_eligible");

		JsonNode seen = ok(call("GET", "/api/matching/referrals/" + id, "provider@demo.wrd", null));
		assertThat(seen.get("detailsWithheld").asBoolean()).isFalse();
		assertThat(seen.get("screener").get("answers").get("age").asString()).isEqualTo("27");
		assertThat(seen.get("note").asString()).isEqualTo("Prefers evenings");

		JsonNode choices = ok(call("GET", "/api/matching/clients/" + client + "/consents", "case.manager@demo.wrd", null));
		long consent = 0;
		for (JsonNode c : choices.get("consents")) {
			if (c.get("purpose").asString().equals("referral_sharing")) {
				consent = c.get("id").asLong();
				assertThat(c.get("providerOrganizationId").asString()).isEqualTo("calumet-community-college");
			}
		}
		JsonNode withdrawn = ok(call("DELETE", "/api/matching/clients/" + client + "/consents/" + consent,
				"case.manager@demo.wrd", null));
		assertThat(withdrawn.get("withdrawnAt").asString()).isNotBlank();
		JsonNode after = ok(call("GET", "/api/matching/referrals/" + id, "provider@demo.wrd", null));
		assertThat(after.get("detailsWithheld").asBoolean()).isTrue();
		assertThat(after.get("note").isNull()).isTrue();
		assertThat(after.get("screener").isNull()).isTrue();
		// the referring side still sees its own note
		assertThat(ok(call("GET", "/api/matching/referrals/" + id, "case.manager@demo.wrd", null)).get("note").asString())
			.isEqualTo("Prefers evenings");
		assertThat(call("DELETE", "/api/matching/clients/" + client + "/consents/" + consent, "case.manager@demo.wrd", null)
			.statusCode()).isEqualTo(404);
	}

	@Test
	void aReferralPastTheProvidersDeadlineIsInTheDigest() throws Exception {
		// Centro Latino answers at once (0 business days), so a referral sent now is overdue a moment later
		ok(call("PUT", "/api/matching/providers/centro-latino-de-oficios/deadline", "admin@demo.wrd", "{\"businessDays\": 0}"));
		String id = ok(call("POST", "/api/matching/referrals", "case.manager@demo.wrd",
				"{\"listingId\": \"demo-tp-0003\", \"clientId\": \"" + newClient() + "\"}")).get("id").asString();
		Thread.sleep(50);
		assertThat(ok(call("GET", "/api/matching/referrals/overdue", "provider.b@demo.wrd", null)).toString()).contains(id);
		assertThat(ok(call("GET", "/api/matching/referrals/overdue", "case.manager@demo.wrd", null)).toString()).contains(id);
		JsonNode digest = ok(call("POST", "/api/matching/digest", "admin@demo.wrd", null));
		assertThat(digest.get("overdueByProvider").get("centro-latino-de-oficios").asInt()).isPositive();
		assertThat(digest.get("newlyListed").asInt()).isPositive();
		// an answer takes it off the list
		ok(call("POST", "/api/matching/referrals/" + id + "/status", "provider.b@demo.wrd", "{\"status\": \"accepted\"}"));
		assertThat(ok(call("GET", "/api/matching/referrals/overdue", "provider.b@demo.wrd", null)).toString()).doesNotContain(id);
		assertThat(ok(call("GET", "/api/matching/referrals/" + id, "provider.b@demo.wrd", null)).get("respondedAt").asString())
			.isNotBlank();
		ok(call("POST", "/api/matching/referrals/" + id + "/outcome", "case.manager@demo.wrd", "{\"outcome\": \"got_help\"}"));
		ok(call("PUT", "/api/matching/providers/centro-latino-de-oficios/deadline", "admin@demo.wrd", "{\"businessDays\": 2}"));
	}

	@Test
	void doNotContactSilencesFollowUpsAndCheckInsRecordNoContactByChoice() throws Exception {
		String client = newClient();
		String id = ok(call("POST", "/api/matching/referrals", "case.manager@demo.wrd",
				"{\"listingId\": \"demo-tp-0001\", \"clientId\": \"" + client + "\"}")).get("id").asString();
		String status = "/api/matching/referrals/" + id + "/status";
		for (String s : new String[] { "accepted", "enrolled", "completed" }) {
			ok(call("POST", status, "provider@demo.wrd", "{\"status\": \"" + s + "\"}"));
		}
		String placedOn = LocalDate.now(ZoneId.of("America/Chicago")).minusDays(40).toString();
		ok(call("POST", "/api/matching/referrals/" + id + "/placement", "case.manager@demo.wrd",
				"{\"placedOn\": \"" + placedOn + "\"}"));
		assertThat(ok(call("GET", "/api/matching/follow-ups", "case.manager@demo.wrd", null)).toString()).contains(id);

		JsonNode contact = ok(call("PUT", "/api/matching/clients/" + client + "/contact", "case.manager@demo.wrd",
				"{\"channels\": [\"text\"], \"doNotContact\": true}"));
		assertThat(contact.get("doNotContact").asBoolean()).isTrue();
		assertThat(contact.get("channels")).isEmpty();
		assertThat(ok(call("GET", "/api/matching/follow-ups", "case.manager@demo.wrd", null)).toString()).doesNotContain(id);
		var checkIn = call("POST", "/api/matching/referrals/" + id + "/check-ins/30", "case.manager@demo.wrd",
				"{\"employed\": true}");
		assertThat(checkIn.statusCode()).isEqualTo(409);
		assertThat(checkIn.body()).contains("do-not-contact");

		assertThat(ok(call("POST", "/api/matching/digest", "admin@demo.wrd", null)).get("noContactCheckIns").asInt()).isPositive();
		JsonNode day30 = ok(call("GET", "/api/matching/referrals/" + id, "case.manager@demo.wrd", null)).get("checkIns").get(0);
		assertThat(day30.get("noContactByChoice").asBoolean()).isTrue();
		assertThat(day30.get("recordedAt").asString()).isNotBlank();
		assertThat(day30.get("employed").isNull()).isTrue();
	}

}
