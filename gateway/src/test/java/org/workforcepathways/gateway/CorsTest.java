package org.workforcepathways.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Cross-origin calls are refused except from the configured origins. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "wrd.gateway.cors.allowed-origins=https://partner.example.org")
class CorsTest {

	@LocalServerPort
	int port;

	private HttpResponse<String> preflight(String origin) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/directory/search"))
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
				.header("Origin", origin)
				.header("Access-Control-Request-Method", "GET")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void anUnknownOriginIsRefused() throws Exception {
		var response = preflight("https://evil.example.com");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void aConfiguredOriginIsAllowed() throws Exception {
		var response = preflight("https://partner.example.org");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://partner.example.org");
	}

}
