package org.workforcepathways.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.workforcepathways.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls through the gateway as a demo user (or anonymously), for the end-to-end tests. */
final class Gateway {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private Gateway() {
	}

	/** A JSON request; {@code user} is a demo login or null for anonymous, {@code body} null for none. */
	static HttpResponse<String> call(String method, String path, String user, String body, String... headers)
			throws Exception {
		return at(Suite.gateway(), method, path, user == null ? null : "Bearer " + Tokens.accessToken(user), body, headers);
	}

	/**
	 * A JSON request to the gateway at {@code base} (another than the suite's), with an {@code Authorization} value
	 * or null.
	 */
	static HttpResponse<String> at(String base, String method, String path, String authorization, String body,
			String... headers) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(20))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The body of a 200 or 201, failing the test with the body otherwise. */
	static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
		return JSON.readTree(response.body());
	}

}
