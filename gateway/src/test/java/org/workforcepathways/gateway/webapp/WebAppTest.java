package org.workforcepathways.gateway.webapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway serves the web app itself: pages and modules under the strict policy, gzipped, the chart library
 * from its own WebJar, a visitor answer for anonymous callers, and sign-in links that only ever return to this site.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "wrd.gateway.rate-limits.enabled=false")
class WebAppTest {

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
		HttpResponse<String> signIn = get("/signin?next=/case.html");

		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location")).hasValue("/oauth2/authorization/keycloak");
		assertThat(ReturnToPage.safe("/case.html?x=1")).isEqualTo("/case.html?x=1");
		assertThat(ReturnToPage.safe("//evil.example/")).isEqualTo("/");
		assertThat(ReturnToPage.safe("/\\evil.example")).isEqualTo("/");
		assertThat(ReturnToPage.safe("https://evil.example/")).isEqualTo("/");
		assertThat(ReturnToPage.safe("/a\r\nSet-Cookie: x")).isEqualTo("/");
	}

}
