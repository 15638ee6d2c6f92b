package org.workforcepathways.matching.pathway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.workforcepathways.matching.directory.StandInDirectory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The directory client against a stand-in directory: good, slow, failing, refusing and malformed answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.http.serviceclient.directory.read-timeout=700ms")
class ProgramSuggestionTest extends StandInDirectory {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@BeforeEach
	void reset() {
		directory.resetAll();
	}

	private HttpResponse<String> call(String query) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/matching/programs?" + query))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void suggestsOnlyTrainingProgramsFromTheDirectory() throws Exception {
		directory.stubFor(get(urlPathEqualTo("/api/directory/search")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(Files.readString(Path.of("src/test/resources/wiremock/directory-search-welding.json")))));

		var response = call("interest=welding&size=5");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("demo-tp-001", "demo-tp-003").doesNotContain("demo-ss-001");
		directory.verify(getRequestedFor(urlPathEqualTo("/api/directory/search"))
			.withQueryParam("q", com.github.tomakehurst.wiremock.client.WireMock.equalTo("welding")));
	}

	@Test
	void aSlowDirectoryGives504WithinTheTimeout() throws Exception {
		directory.stubFor(get(urlPathEqualTo("/api/directory/search"))
			// long enough to pass the 700 ms read timeout, short enough not to hold WireMock's threads for the next test
			.willReturn(aResponse().withStatus(200).withFixedDelay(2500).withBody("{}")));

		long t0 = System.nanoTime();
		var response = call("interest=welding");
		long millis = (System.nanoTime() - t0) / 1_000_000;

		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				v -> assertThat(v).startsWith("application/problem+json"));
		assertThat(millis).as("answered before the directory's 2.5 s delay").isLessThan(2300);
	}

	@Test
	void aDirectoryThatDropsTheConnectionGives503() throws Exception {
		directory.stubFor(get(urlPathEqualTo("/api/directory/search"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		var response = call("interest=welding");

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("directory-unavailable");
	}

	@Test
	void aFailingDirectoryGives503() throws Exception {
		directory.stubFor(get(urlPathEqualTo("/api/directory/search")).willReturn(aResponse().withStatus(500)));

		assertThat(call("interest=welding").statusCode()).isEqualTo(503);
	}

	@Test
	void aMalformedAnswerGives502() throws Exception {
		directory.stubFor(get(urlPathEqualTo("/api/directory/search")).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"total\": \"many\"")));

		var response = call("interest=welding");

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.body()).contains("directory-bad-answer").doesNotContain("Exception");
	}

	@Test
	void aBlankInterestIsA400NamingTheParameter() throws Exception {
		var response = call("interest=%20&size=500");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"interest\"", "\"field\":\"size\"");
		directory.verify(0, getRequestedFor(urlPathEqualTo("/api/directory/search")));
	}

}
