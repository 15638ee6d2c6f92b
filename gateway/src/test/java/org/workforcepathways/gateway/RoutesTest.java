package org.workforcepathways.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Each path prefix reaches its own service, with the caller's bearer token passed on untouched. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoutesTest {

	static final WireMockServer directory = new WireMockServer(options().dynamicPort());

	static final WireMockServer matching = new WireMockServer(options().dynamicPort());

	static final WireMockServer metrics = new WireMockServer(options().dynamicPort());

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

	private String fetch(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer abc.def.ghi")
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	@Test
	void routesEachPrefixToItsService() throws Exception {
		directory.stubFor(get(urlPathEqualTo("/api/directory/search")).willReturn(aResponse().withBody("from directory")));
		matching.stubFor(get(urlPathEqualTo("/api/matching/programs")).willReturn(aResponse().withBody("from matching")));
		metrics.stubFor(get(urlPathEqualTo("/api/metrics/engagement/summary")).willReturn(aResponse().withBody("from metrics")));

		assertThat(fetch("/api/directory/search?q=cnc")).isEqualTo("from directory");
		assertThat(fetch("/api/matching/programs?interest=cnc")).isEqualTo("from matching");
		assertThat(fetch("/api/metrics/engagement/summary")).isEqualTo("from metrics");
		directory.verify(getRequestedFor(urlPathEqualTo("/api/directory/search")).withQueryParam("q", equalTo("cnc"))
			.withHeader("Authorization", equalTo("Bearer abc.def.ghi")));
	}

}
