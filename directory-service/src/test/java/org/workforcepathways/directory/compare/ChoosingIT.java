package org.workforcepathways.directory.compare;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.workforcepathways.testsupport.TestEngines;
import org.workforcepathways.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/** Choosing well on the real engines: outcomes (one by one and from a CSV), side-by-side comparison, screeners. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "directory.index.alias=listings-choosing", "directory.demo-data=classpath:search-fixture.json" })
class ChoosingIT {

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		TestEngines.registerFresh(registry, "directory_choosing", "listings-choosing");
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	private HttpResponse<String> call(String method, String path, String user, String type, String body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (type != null) {
			request.header("Content-Type", type);
		}
		if (user != null) {
			request.header("Authorization", "Bearer " + Tokens.accessToken(user));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void programsCompareSideBySideWithOutcomesFromASourceAndSmallCohortsHidden() throws Exception {
		var put = call("PUT", "/api/directory/services/demo-tp-001/outcomes", "provider@demo.wrd", "application/json", """
				{"completionRate": 78, "employedQ2": 71, "employedQ4": 68, "medianEarnings": 9850, "credentialRate": 74,
				 "cohortSize": 42, "periodStart": "2024-07-01", "periodEnd": "2025-06-30", "source": "Illinois ETPL"}""");
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
		assertThat(call("PUT", "/api/directory/services/demo-tp-001/outcomes", "provider.b@demo.wrd", "application/json",
				"{}").statusCode()).isEqualTo(404);
		var invalid = call("PUT", "/api/directory/services/demo-tp-001/outcomes", "provider@demo.wrd", "application/json",
				"{\"completionRate\": 140, \"periodStart\": \"2024-07-01\", \"periodEnd\": \"2025-06-30\"}");
		assertThat(invalid.body()).contains("\"field\":\"completionRate\"", "\"field\":\"cohortSize\"", "\"field\":\"source\"");

		String csv = """
				service_id,completion_rate,employed_q2,employed_q4,median_earnings,credential_rate,cohort_size,period_start,period_end,source,source_url
				demo-tp-002,88,76,73,10200,85,18,2024-07-01,2025-06-30,Provider report,
				demo-tp-003,75,62,,8700,70,8,2024-07-01,2025-06-30,Provider report,https://example.org/r
				nope-999,50,50,50,5000,50,20,2024-07-01,2025-06-30,Provider report,
				demo-tp-004,abc,50,50,5000,50,20,2024-07-01,2025-06-30,Provider report,
				""";
		var imported = call("POST", "/api/directory/outcomes", "admin@demo.wrd", "text/csv", csv);
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		JsonNode report = JSON.readTree(imported.body());
		assertThat(report).extracting(r -> r.get("outcome").asString()).containsExactly("saved", "saved", "rejected", "rejected");
		assertThat(report.get(2).get("problems").toString()).contains("service_id: is not a listing");
		assertThat(report.get(3).get("problems").toString()).contains("completion_rate: must be a number");
		assertThat(call("POST", "/api/directory/outcomes", "admin@demo.wrd", "text/csv", "id,rate\nx,1\n").body())
			.contains("\"field\":\"body\"", "the header must be");
		assertThat(call("POST", "/api/directory/outcomes", "provider@demo.wrd", "text/csv", csv).statusCode()).isEqualTo(403);

		var compared = call("GET", "/api/directory/compare?ids=demo-tp-001,demo-tp-002,demo-tp-003&zip=60617", null, null, null);
		assertThat(compared.statusCode()).as(compared.body()).isEqualTo(200);
		JsonNode columns = JSON.readTree(compared.body());
		assertThat(columns).extracting(c -> c.get("id").asString()).containsExactly("demo-tp-001", "demo-tp-002", "demo-tp-003");
		JsonNode first = columns.get(0);
		assertThat(first.get("outcomes").get("employedQ2").asDouble()).isEqualTo(71);
		assertThat(first.get("outcomes").get("source").asString()).isEqualTo("Illinois ETPL");
		assertThat(first.has("cost")).isTrue();
		assertThat(first.get("distanceMiles").isNumber()).isTrue();
		JsonNode small = columns.get(2).get("outcomes");
		assertThat(small.get("suppressed").asBoolean()).isTrue();
		assertThat(small.get("employedQ2").isNull()).isTrue();
		assertThat(small.get("cohortSize").isNull()).isTrue();

		for (String bad : List.of("ids=demo-tp-001", "ids=demo-tp-001,nope", "ids=a,b,c,d,e", "ids=demo-tp-001,demo-tp-002&zip=1")) {
			var r = call("GET", "/api/directory/compare?" + bad, null, null, null);
			assertThat(r.statusCode()).as(bad).isEqualTo(400);
			assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
	}

	@Test
	void aProviderAttachesAScreenerAndAnyoneChecksTheirAnswers() throws Exception {
		String screener = """
				{"questions": [
				  {"id": "age", "type": "min_age", "limit": 18, "text": {"en": "How old are you?", "es": "¿Qué edad tiene?"}},
				  {"id": "zip", "type": "residency_zip", "values": ["606", "604"], "text": {"en": "Your ZIP"}},
				  {"id": "license", "type": "drivers_license", "text": {"en": "Do you have a driver's licence?"}}]}""";
		assertThat(call("PUT", "/api/directory/services/demo-tp-001/screener", "provider.b@demo.wrd", "application/json",
				screener).statusCode()).isEqualTo(404);
		var saved = call("PUT", "/api/directory/services/demo-tp-001/screener", "provider@demo.wrd", "application/json", screener);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(call("GET", "/api/directory/services/demo-tp-001/screener", null, null, null).body()).contains("How old are you?");

		JsonNode likely = JSON.readTree(call("POST", "/api/directory/services/demo-tp-001/screener/check", null,
				"application/json", "{\"answers\": {\"age\": \"25\", \"zip\": \"60617\", \"license\": \"yes\"}}").body());
		assertThat(likely.get("result").asString()).isEqualTo("likely_eligible");
		JsonNode not = JSON.readTree(call("POST", "/api/directory/services/demo-tp-001/screener/check", null,
				"application/json", "{\"answers\": {\"age\": \"16\", \"zip\": \"46320\"}}").body());
		assertThat(not.get("result").asString()).isEqualTo("likely_not_eligible");
		assertThat(not.get("reasons").toString()).contains("at least 18", "program's area");
		assertThat(call("POST", "/api/directory/services/demo-tp-001/screener/check", null, "application/json",
				"{\"answers\": {\"shoe_size\": \"9\"}}").body()).contains("\"field\":\"answers.shoe_size\"");
		assertThat(call("PUT", "/api/directory/services/demo-tp-001/screener", "provider@demo.wrd", "application/json",
				"{\"questions\": [{\"id\": \"age\", \"type\": \"min_age\"}]}").body()).contains("questions[0].limit");
	}

}
