package org.workforcepathways.e2e;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's login through the gateway, driven over HTTP as a browser would: authorization code with PKCE against
 * the real Keycloak login form, a session cookie that holds no token, token relay to the services, and a logout
 * that ends the Keycloak session too.
 */
class BrowserLoginIT {

	private static String gateway;

	@BeforeAll
	static void startServices() {
		gateway = Suite.gateway();
	}

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new LocalhostIsSecure(cookies))
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(3))
		.build();

	/**
	 * Browsers treat http://localhost as a secure context and send it cookies marked Secure (Keycloak marks its
	 * login cookies so); Java's cookie manager does not, so this drops the mark for localhost, as a browser would.
	 */
	static final class LocalhostIsSecure extends CookieHandler {

		private final CookieManager delegate;

		LocalhostIsSecure(CookieManager delegate) {
			this.delegate = delegate;
		}

		@Override
		public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
			return delegate.get(uri, headers);
		}

		@Override
		public void put(URI uri, Map<String, List<String>> headers) throws IOException {
			Map<String, List<String>> copy = new HashMap<>(headers);
			if ("localhost".equals(uri.getHost())) {
				copy.replaceAll((name, values) -> name != null && name.equalsIgnoreCase("Set-Cookie")
						? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList() : values);
			}
			delegate.put(uri, copy);
		}

	}

	private HttpResponse<String> get(String url) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String location(HttpResponse<?> response) {
		assertThat(response.statusCode()).as("redirect").isBetween(301, 303);
		return response.headers().firstValue("Location").orElseThrow();
	}

	/** Logs in as a user and returns the session cookie. */
	private HttpCookie login(String username) throws Exception {
		String authorize = location(get(gateway + "/oauth2/authorization/keycloak"));
		assertThat(authorize).contains("code_challenge=", "code_challenge_method=S256", "client_id=gateway");

		// with organizations on, Keycloak asks for the username first and the password on a second page
		HttpResponse<String> page = get(authorize);
		for (int step = 0; step < 3 && page.statusCode() == 200; step++) {
			Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(page.body());
			assertThat(action.find()).as("Keycloak's login form").isTrue();
			StringBuilder form = new StringBuilder("credentialId=");
			if (page.body().contains("name=\"username\"")) {
				form.append("&username=").append(URLEncoder.encode(username, StandardCharsets.UTF_8));
			}
			if (page.body().contains("name=\"password\"")) {
				form.append("&password=demo");
			}
			page = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		HttpResponse<String> loggedIn = page;
		String callback = location(loggedIn);
		assertThat(callback).startsWith(gateway + "/login/oauth2/code/keycloak?");

		HttpResponse<String> done = get(callback);
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.body()).doesNotContain("eyJ");
		String setCookie = String.join("\n", done.headers().allValues("Set-Cookie"));
		assertThat(setCookie).contains("WRD_SESSION=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
		assertThat(setCookie).doesNotContain("eyJ"); // no token in any cookie
		return cookies.getCookieStore()
			.get(URI.create(gateway))
			.stream()
			.filter(c -> c.getName().equals("WRD_SESSION"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aSignedInBrowserReachesTheServicesWithItsRelayedToken() throws Exception {
		login("city.staff@demo.wrd");

		HttpResponse<String> campaigns = get(gateway + "/api/metrics/campaigns");

		assertThat(campaigns.statusCode()).as(campaigns.body()).isEqualTo(200);
		assertThat(campaigns.body()).contains("Make It in the Calumet (sample)");
	}

	@Test
	void theRelayedTokenCarriesTheUsersRoleSoOtherRolesAreRefused() throws Exception {
		login("jobseeker@demo.wrd");

		assertThat(get(gateway + "/api/metrics/campaigns").statusCode()).isEqualTo(403);
	}

	@Test
	void logoutEndsTheGatewaySessionAndTheKeycloakSession() throws Exception {
		login("city.staff@demo.wrd");
		String csrf = cookies.getCookieStore()
			.get(URI.create(gateway))
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.findFirst()
			.orElseThrow()
			.getValue();

		HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(URI.create(gateway + "/logout"))
			.header("X-XSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		String endSession = location(logout);
		assertThat(endSession).contains("/realms/workforce/protocol/openid-connect/logout", "id_token_hint=");
		String back = location(get(endSession));
		assertThat(back).startsWith(gateway);

		assertThat(get(gateway + "/api/metrics/campaigns").statusCode()).isEqualTo(401);
		// Keycloak forgot us too: a new login asks for the password again instead of signing in silently
		HttpResponse<String> again = get(location(get(gateway + "/oauth2/authorization/keycloak")));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("password");
	}

	/**
	 * Keycloak really stopped: a browser already signed in and an API client holding a token keep working (the
	 * gateway and services check signatures with keys they already hold), a forged token is still refused, and a new
	 * sign-in is told plainly that it cannot happen now instead of being sent to an address that does not load.
	 */
	@Test
	void withKeycloakStoppedSignedInUsersKeepWorkingAndNewSignInsAreRefusedClearly() throws Exception {
		login("city.staff@demo.wrd");
		String caseManager = "Bearer " + org.workforcepathways.testsupport.Tokens.accessToken("case.manager@demo.wrd");
		// each service fetches Keycloak's keys at its first token; these have done so, as any running service has
		assertThat(bearer("GET", "/api/matching/clients", caseManager, null).statusCode()).isEqualTo(200);
		assertThat(get(gateway + "/api/metrics/campaigns").statusCode()).isEqualTo(200);

		org.workforcepathways.devstack.Part keycloak = Suite.stack().part("keycloak");
		assertThat(keycloak.stop()).as("a native Keycloak of the test stack to stop").isTrue();
		try {
			HttpResponse<String> campaigns = get(gateway + "/api/metrics/campaigns");
			assertThat(campaigns.statusCode()).as("the signed-in browser: %s", campaigns.body()).isEqualTo(200);
			HttpResponse<String> clients = bearer("GET", "/api/matching/clients", caseManager, null);
			assertThat(clients.statusCode()).as("a token held by an API client: %s", clients.body()).isEqualTo(200);
			HttpResponse<String> created = bearer("POST", "/api/matching/clients", caseManager,
					"{\"displayName\": \"While Keycloak is down\"}");
			assertThat(created.statusCode()).as("a write with that token: %s", created.body()).isBetween(200, 201);
			assertThat(bearer("GET", "/api/matching/clients", caseManager + "x", null).statusCode())
				.as("a forged token").isEqualTo(401);

			long t0 = System.nanoTime();
			HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(gateway + "/signin?next=/case.html"))
				.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
				.build(), HttpResponse.BodyHandlers.ofString());
			long millis = (System.nanoTime() - t0) / 1_000_000;
			System.out.printf("[keycloak-down] sign-in answered %d in %d ms%n", page.statusCode(), millis);
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
			assertThat(page.body()).contains("Sign-in is unavailable right now", "No se puede iniciar sesión");
			assertThat(page.headers().firstValue("Retry-After")).isPresent();
			assertThat(millis).as("time to refuse a sign-in").isLessThan(3_000);
			HttpResponse<String> api = browser.send(HttpRequest.newBuilder(URI.create(gateway + "/oauth2/authorization/keycloak"))
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(api.statusCode()).isEqualTo(503);
			assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
		finally {
			long t0 = System.nanoTime();
			keycloak.start();
			keycloak.awaitHealthy();
			System.out.printf("[keycloak-down] Keycloak back after %.1f s%n", (System.nanoTime() - t0) / 1e9);
		}
		assertThat(location(get(gateway + "/oauth2/authorization/keycloak"))).contains("/protocol/openid-connect/auth");
	}

	private HttpResponse<String> bearer(String method, String path, String authorization, String body) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + path))
			.header("Authorization", authorization)
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.timeout(Duration.ofSeconds(20))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aBrowserPostWithoutTheCsrfTokenIsRefused() throws Exception {
		login("city.staff@demo.wrd");

		HttpResponse<String> post = browser.send(HttpRequest.newBuilder(URI.create(gateway + "/logout"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(post.statusCode()).isEqualTo(403);
		assertThat(post.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

}
