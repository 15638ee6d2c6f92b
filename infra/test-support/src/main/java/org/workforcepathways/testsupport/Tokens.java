package org.workforcepathways.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;

/** Real access tokens from the test Keycloak, for the demo users of the realm (client {@code wrd-cli}). */
public final class Tokens {

	public static final String DEMO_PASSWORD = "demo";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Tokens() {
	}

	public static String accessToken(String username) {
		return accessToken(TestEngines.get().issuer(), username);
	}

	/** A token from the realm at {@code issuer} (another stack's Keycloak, e.g. the scale stack's). */
	public static String accessToken(String issuer, String username) {
		String form = "grant_type=password&client_id=wrd-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
				+ "&password=" + DEMO_PASSWORD;
		try {
			HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() != 200) {
				throw new IllegalStateException("Keycloak refused a token for " + username + ": " + r.statusCode());
			}
			return JSON.readTree(r.body()).get("access_token").asString();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Keycloak unreachable at " + issuer, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
