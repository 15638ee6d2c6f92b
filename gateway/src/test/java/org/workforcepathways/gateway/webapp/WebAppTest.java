package org.workforcepathways.gateway.webapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway serves the web app itself: pages and modules under the strict policy, gzipped, the chart library
 * from its own WebJar, a visitor answer for anonymous callers, and sign-in links that only ever return to this site.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "wrd.gateway.rate-limits.enabled=false")
class WebAppTest {

	/** Keycloak's discovery document, which the gateway checks before it sends anyone to sign in. */
	static final WireMockServer keycloak = new WireMockServer(options().dynamicPort());

	static {
		keycloak.start();
	}

	@DynamicPropertySource
	static void keycloak(DynamicPropertyRegistry registry) {
		registry.add("wrd.gateway.keycloak.backchannel-url", () -> keycloak.baseUrl() + "/realms/workforce");
	}

	@AfterAll
	static void stop() {
		keycloak.stop();
	}

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(3))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theHomePageIsTheSearchUnderAPolicyThatAllowsNothingInline() throws Exception {
		HttpResponse<String> home = get("/");

		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("/js/pages/search.js").doesNotContain("<script>").doesNotContain("style=");
		assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
			.contains("script-src 'self';", "style-src 'self';", "form-action 'self' http://localhost:18080;")
			.doesNotContain("unsafe-inline"));
	}

	@Test
	void modulesAndStylesTravelCompressed() throws Exception {
		HttpResponse<String> plain = get("/js/pages/search.js");
		HttpResponse<String> zipped = get("/js/pages/search.js", "Accept-Encoding", "gzip");

		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(zipped.body().length()).isLessThan(plain.body().length() / 2);
	}

	@Test
	void theChartLibraryComesFromTheGatewaysOwnCopy() throws Exception {
		HttpResponse<String> chart = get("/webjars/chart.js/4.5.1/dist/chart.umd.min.js");

		assertThat(chart.statusCode()).isEqualTo(200);
		assertThat(chart.body()).contains("Chart.js v4.5.1");
	}

	@Test
	void anAnonymousVisitorIsToldTheyAreNotSignedIn() throws Exception {
		HttpResponse<String> session = get("/api/session");

		assertThat(session.statusCode()).isEqualTo(200);
		assertThat(session.body()).contains("\"signedIn\":false", "\"roles\":[]");
	}

	@Test
	void signInStartsTheLoginAndRemembersOnlyPagesOfThisSite() throws Exception {
		keycloak.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/realms/workforce/.well-known/openid-configuration"))
			.willReturn(aResponse().withBody("{}")));
		HttpResponse<String> signIn = get("/signin?next=/case.html");

		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location")).hasValue("/oauth2/authorization/keycloak");
		assertThat(ReturnToPage.safe("/case.html?x=1")).isEqualTo("/case.html?x=1");
		assertThat(ReturnToPage.safe("//evil.example/")).isEqualTo("/");
		assertThat(ReturnToPage.safe("/\\evil.example")).isEqualTo("/");
		assertThat(ReturnToPage.safe("https://evil.example/")).isEqualTo("/");
		assertThat(ReturnToPage.safe("/a\r\nSet-Cookie: x")).isEqualTo("/");
	}

	@Test
	void signInWhileKeycloakDoesNotAnswerIsRefusedPlainlyInThePageOrAsAProblem() throws Exception {
		keycloak.resetAll(); // no discovery document: 404, as from a Keycloak that is not serving the realm

		HttpResponse<String> page = get("/signin?next=/case.html", "Accept", "text/html");
		HttpResponse<String> api = get("/oauth2/authorization/keycloak", "Accept", "application/json");

		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(page.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(page.body()).contains("Sign-in is unavailable right now", "lang=\"es\"");
		assertThat(api.statusCode()).isEqualTo(503);
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(api.body()).contains("signin-unavailable");
	}

}
