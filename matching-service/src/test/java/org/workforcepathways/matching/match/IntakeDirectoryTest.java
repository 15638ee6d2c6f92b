package org.workforcepathways.matching.match;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.workforcepathways.matching.directory.StandInDirectory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake against a stand-in directory that answers well, slowly, with errors or nonsense: the person always gets
 * their pathways, quickly, and is told plainly when programs are missing; a failing call is retried once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.http.serviceclient.directory.read-timeout=700ms")
class IntakeDirectoryTest extends StandInDirectory {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String INTAKE = """
			{"intake": {"interests": {"r1": 2, "r2": 2}, "education": "ged", "experience": ["welding"],
			 "travel": {"zip": "60617", "radiusMiles": 10}, "when": ["evening"], "barriers": ["childcare"]}}
			""";

	private static final String WELDING = """
			{"total": 1, "results": [{"id": "w-1-at-1", "serviceId": "w-1", "kind": "training_program",
			  "title": "Evening welding", "organization": "Calumet CC", "organizationId": "calumet-community-college",
			  "distanceMiles": 2.5, "free": true, "cost": 0, "schedule": ["evening"], "categories": ["welding"],
			  "languages": ["en"], "supports": [], "occupations": ["51-4121.00"]}]}
			""";

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@BeforeEach
	void reset() {
		directory.resetAll();
		directory.stubFor(get(urlPathEqualTo("/api/directory/search"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"total\": 0, \"results\": []}")));
	}

	private HttpResponse<String> intake(String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/matching/intakes"))
			.timeout(Duration.ofSeconds(15))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void programsComeLiveFromTheDirectoryNearThePerson() throws Exception {
		directory.stubFor(get(urlPathEqualTo("/api/directory/search")).withQueryParam("category", equalTo("welding"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(WELDING)));

		JsonNode result = JSON.readTree(intake(INTAKE).body());

		JsonNode welding = result.get("pathways").get(0);
		assertThat(welding.get("id").asString()).isEqualTo("welding");
		assertThat(welding.toString()).contains("Evening welding", "evening classes", "2.5 miles away", "free");
		assertThat(result.get("notices")).isEmpty();
		directory.verify(getRequestedFor(urlPathEqualTo("/api/directory/search")).withQueryParam("zip", equalTo("60617"))
			.withQueryParam("radiusMiles", equalTo("10"))
			.withQueryParam("category", equalTo("childcare")));
	}

	@Test
	void aSlowDirectoryStillAnswersQuicklyWithPathwaysAndANotice() throws Exception {
		directory.stubFor(get(urlPathEqualTo("/api/directory/search"))
			.willReturn(aResponse().withFixedDelay(5000).withBody("{}")));

		long t0 = System.nanoTime();
		var response = intake(INTAKE);
		long millis = (System.nanoTime() - t0) / 1_000_000;

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode result = JSON.readTree(response.body());
		assertThat(result.get("pathways")).isNotEmpty();
		assertThat(result.get("notices").toString()).contains("the directory could not be reached");
		// calls run in parallel: one timeout, one retry, not one per category in a row
		assertThat(millis).as("well before the directory's 5 s delay").isLessThan(4000);
	}

	@Test
	void aFailingCallIsRetriedOnceThenReported() throws Exception {
		directory.stubFor(get(urlPathEqualTo("/api/directory/search")).withQueryParam("category", equalTo("childcare"))
			.willReturn(aResponse().withStatus(500)));

		JsonNode result = JSON.readTree(intake(INTAKE).body());

		assertThat(result.get("notices").toString()).contains("the directory could not be reached");
		assertThat(result.get("supports").get(0).get("services")).isEmpty();
		directory.verify(2, getRequestedFor(urlPathEqualTo("/api/directory/search"))
			.withQueryParam("category", equalTo("childcare")));
	}

	@Test
	void aDroppedConnectionOrNonsenseIsReportedNotThrown() throws Exception {
		directory.stubFor(get(urlPathEqualTo("/api/directory/search")).withQueryParam("category", equalTo("welding"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		directory.stubFor(get(urlPathEqualTo("/api/directory/search")).withQueryParam("category", equalTo("childcare"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"total\": \"many\"")));

		var response = intake(INTAKE);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("the directory could not be reached").doesNotContain("Exception");
	}

	@Test
	void badAnswersAreNamedAndNothingIsAsked() throws Exception {
		var response = intake("""
				{"intake": {"interests": {"r1": 7, "zz": 1}, "education": "phd", "travel": {"zip": "6061", "radiusMiles": 90},
				 "when": ["night"], "barriers": ["boredom"]}, "demographics": {"consent": false, "sex": "female"}}
				""");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("intake.education", "intake.travel.zip", "intake.travel.radiusMiles",
				"intake.when[0]", "intake.barriers[0]", "demographics");
		directory.verify(0, getRequestedFor(urlPathEqualTo("/api/directory/search")));
		var saveAnonymously = intake(INTAKE.replace("}}\n", "}, \"save\": true}\n"));
		assertThat(saveAnonymously.statusCode()).isEqualTo(400);
		assertThat(saveAnonymously.body()).contains("\"field\":\"save\"");
	}

}
