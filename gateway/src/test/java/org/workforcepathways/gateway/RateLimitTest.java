package org.workforcepathways.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** An anonymous burst over the route's limit gets 429 problem+json with Retry-After; other routes keep their own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "wrd.gateway.rate-limits.routes.directory.anonymous-per-minute=5",
				"wrd.gateway.rate-limits.defaults.anonymous-per-minute=50" })
class RateLimitTest {

	static final WireMockServer services = new WireMockServer(options().dynamicPort());

	static {
		services.start();
		services.stubFor(any(anyUrl()).willReturn(aResponse().withBody("ok")));
	}

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("wrd.gateway.directory-uri", services::baseUrl);
		registry.add("wrd.gateway.matching-uri", services::baseUrl);
		registry.add("wrd.gateway.metrics-uri", services::baseUrl);
	}

	@AfterAll
	static void stop() {
		services.stop();
	}

	@LocalServerPort
	int port;

	private HttpResponse<String> fetch(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void anAnonymousBurstOverTheLimitGets429WithRetryAfter() throws Exception {
		List<Integer> statuses = new ArrayList<>();
		HttpResponse<String> limited = null;
		for (int i = 0; i < 8; i++) {
			var response = fetch("/api/directory/search?q=burst");
			statuses.add(response.statusCode());
			if (response.statusCode() == 429) {
				limited = response;
			}
		}

		assertThat(statuses.subList(0, 5)).containsOnly(200);
		assertThat(statuses.subList(5, 8)).containsOnly(429);
		assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
				v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
		assertThat(limited.body()).contains("rate-limited");
		// another route has its own bucket
		assertThat(fetch("/api/matching/programs?interest=x").statusCode()).isEqualTo(200);
	}

}
