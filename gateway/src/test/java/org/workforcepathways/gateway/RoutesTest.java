package org.workforcepathways.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of stand-in services: routing, and what a caller sees when a service is slow, down or
 * refuses, when a request is too big, or when nothing matches. Every error is problem+json with the security headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "resilience4j.timelimiter.instances.directory.timeout-duration=1s",
				"resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s",
				"resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
				"resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
				"wrd.gateway.rate-limits.enabled=false", "wrd.gateway.requests.max-size=10KB" })
class RoutesTest {

	static final WireMockServer directory = new WireMockServer(options().dynamicPort());

	static final WireMockServer matching = new WireMockServer(options().dynamicPort());

	// a fixed port, so the test that stops it can start it again where the route points
	static final WireMockServer metrics = new WireMockServer(options().port(freePort()));

	static int freePort() {
		try (var socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static {
		directory.start();
		matching.start();
		metrics.start();
	}

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("wrd.gateway.directory-uri", directory::baseUrl);
		registry.add("wrd.gateway.matching-uri", matching::baseUrl);
		registry.add("wrd.gateway.metrics-uri", metrics::baseUrl);
	}

	@AfterAll
	static void stop() {
		directory.stop();
		matching.stop();
		metrics.stop();
	}

	@LocalServerPort
	int port;

	@BeforeEach
	void reset() {
		directory.resetAll();
		matching.resetAll();
		metrics.resetAll();
	}

	private HttpResponse<String> fetch(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(15)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":" + status)
			.doesNotContain("Exception", "127.0.0.1", "localhost:" + directory.port());
		assertSecurityHeaders(response);
	}

	static void assertSecurityHeaders(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline"));
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	@Test
	void routesEachPrefixToItsServiceWithTheSecurityHeaders() throws Exception {
		directory.stubFor(get(urlPathEqualTo("/api/directory/search")).willReturn(aResponse().withBody("from directory")));
		matching.stubFor(get(urlPathEqualTo("/api/matching/programs")).willReturn(aResponse().withBody("from matching")));
		metrics.stubFor(get(urlPathEqualTo("/api/metrics/campaigns")).willReturn(aResponse().withBody("from metrics")));

		var search = fetch("/api/directory/search?q=cnc");
		assertThat(search.body()).isEqualTo("from directory");
		assertSecurityHeaders(search);
		assertThat(fetch("/api/matching/programs?interest=cnc").body()).isEqualTo("from matching");
		assertThat(fetch("/api/metrics/campaigns").body()).isEqualTo("from metrics");
	}

	@Test
	void aSlowServiceGives504WithinItsTimeout() throws Exception {
		directory.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(4000).withBody("late")));

		long t0 = System.nanoTime();
		var response = fetch("/api/directory/search?q=slow");

		assertProblem(response, 504);
		assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3000);
	}

	@Test
	void aServiceThatIsDownGives503AndTheGatewayRecoversWhenItReturns() throws Exception {
		matching.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		for (int i = 0; i < 6; i++) {
			assertProblem(fetch("/api/matching/programs?interest=x"), 503);
		}

		matching.resetAll();
		matching.stubFor(any(anyUrl()).willReturn(aResponse().withBody("back")));
		long deadline = System.currentTimeMillis() + 10_000;
		HttpResponse<String> response = fetch("/api/matching/programs?interest=x");
		while (response.statusCode() != 200 && System.currentTimeMillis() < deadline) {
			Thread.sleep(300);
			response = fetch("/api/matching/programs?interest=x");
		}
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("back");
	}

	@Test
	void aServiceThatIsNotListeningGives503() throws Exception {
		metrics.stop();
		try {
			assertProblem(fetch("/api/metrics/campaigns"), 503);
		}
		finally {
			metrics.start();
		}
	}

	@Test
	void aBodyOverTheLimitGives413() throws Exception {
		var response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/directory/search"))
				.header("Authorization", "Bearer not-checked-before-the-size")
				.POST(HttpRequest.BodyPublishers.ofString("x".repeat(20_000)))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertProblem(response, 413);
		directory.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
	}

	@Test
	void anUnknownPathGives404() throws Exception {
		assertProblem(fetch("/no/such/thing"), 404);
	}

	@Test
	void aBrowserPostWithoutCsrfTokenIsRefused() throws Exception {
		var response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/directory/search"))
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertProblem(response, 403);
		assertThat(response.body()).contains("csrf");
		directory.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
	}

	@Test
	void aForgedBearerTokenIsRefusedAtTheDoor() throws Exception {
		var response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/directory/search"))
				.header("Authorization", "Bearer abc.def.ghi")
				.build(), HttpResponse.BodyHandlers.ofString());

		assertProblem(response, 401);
		directory.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
	}

	@Test
	void hstsIsSentWhenTheRequestCameOverTls() throws Exception {
		directory.stubFor(get(urlPathEqualTo("/api/directory/search")).willReturn(aResponse().withBody("ok")));
		var response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/directory/search"))
				.header("X-Forwarded-Proto", "https")
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
		assertThat(fetch("/api/directory/search").headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

}
