package org.workforcepathways.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the running realm equal to {@code infra/keycloak/workforce-realm.json}. Keycloak's {@code --import-realm}
 * skips a realm that exists, so a changed file would otherwise only apply after {@code ./wrd reset}: the realm
 * carries the file's hash as an attribute, and a different hash replaces the realm through the admin API.
 */
final class RealmSync {

	static final String HASH_ATTRIBUTE = "wrdRealmFileSha256";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final String baseUrl;

	RealmSync(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** Returns true when the realm was replaced. */
	boolean sync(Path realmFile) {
		try {
			String file = Files.readString(realmFile);
			String hash = sha256(file);
			String admin = adminToken();
			HttpResponse<String> current = send(HttpRequest.newBuilder(realmUrl()).header("Authorization", "Bearer " + admin)
				.GET());
			if (current.statusCode() == 200) {
				JsonNode attrs = JSON.readTree(current.body()).path("attributes");
				if (hash.equals(attrs.path(HASH_ATTRIBUTE).asString(""))) {
					return false;
				}
				send(HttpRequest.newBuilder(realmUrl()).header("Authorization", "Bearer " + admin).DELETE());
			}
			HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms"))
				.header("Authorization", "Bearer " + admin)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(withHash(file))));
			if (created.statusCode() != 201) {
				throw new DevstackException("keycloak: importing the realm failed with " + created.statusCode() + ": "
						+ created.body());
			}
			return true;
		}
		catch (IOException ex) {
			throw new DevstackException("keycloak: realm check failed: " + ex.getMessage(), ex);
		}
	}

	private URI realmUrl() {
		return URI.create(baseUrl + "/admin/realms/" + Keycloak.REALM);
	}

	private String adminToken() throws IOException {
		String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode("admin", StandardCharsets.UTF_8)
				+ "&password=" + URLEncoder.encode("admin", StandardCharsets.UTF_8);
		HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		if (r.statusCode() != 200) {
			throw new IOException("no admin token (" + r.statusCode() + ")");
		}
		return JSON.readTree(r.body()).get("access_token").asString();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
		try {
			return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DevstackException("interrupted");
		}
	}

	/** The realm file with its own hash as a realm attribute, as imported at boot and by {@link #sync}. */
	static String withHash(String file) {
		ObjectNode realm = (ObjectNode) JSON.readTree(file);
		ObjectNode attributes = realm.has("attributes") ? (ObjectNode) realm.get("attributes") : realm.putObject("attributes");
		attributes.put(HASH_ATTRIBUTE, sha256(file));
		return JSON.writeValueAsString(realm);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
