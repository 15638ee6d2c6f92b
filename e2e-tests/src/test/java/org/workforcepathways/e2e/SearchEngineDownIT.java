package org.workforcepathways.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.workforcepathways.devstack.Part;
import org.workforcepathways.testsupport.Engines;
import org.workforcepathways.testsupport.TestEngines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforcepathways.e2e.Gateway.call;
import static org.workforcepathways.e2e.Gateway.ok;

/**
 * Stops the real Elasticsearch under the running suite: search and suggest answer 503 problem+json at once, a
 * provider's seat update is still saved, and once Elasticsearch is back the search shows it without anyone acting.
 */
class SearchEngineDownIT {

	private static final String LISTING = "demo-tp-0021";

	@Test
	void searchSaysUnavailableQuicklyAndSavesReachTheIndexWhenItReturns() throws Exception {
		Suite.gateway();
		Engines engines = TestEngines.get();
		JsonNode before = ok(call("GET", "/api/directory/services/" + LISTING, null, null));
		String title = before.at("/listing/title").asString();
		int seats = before.at("/listing/workforce/seatsOpen").asInt(0) == 7 ? 8 : 7;
		String searchTitle = "/api/directory/search?size=50&q=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
		assertThat(seatsInSearch(searchTitle)).as("the listing is found by its title").isNotNull();

		Part elasticsearch = Suite.stack().part("elasticsearch");
		assertThat(elasticsearch.stop()).as("a native Elasticsearch of the test stack to stop").isTrue();
		try {
			for (String path : new String[] { "/api/directory/search?q=cnc", "/api/directory/suggest?q=wel" }) {
				long t0 = System.nanoTime();
				var down = call("GET", path, null, null);
				long millis = (System.nanoTime() - t0) / 1_000_000;
				System.out.printf("[es-down] %s answered %d in %d ms%n", path, down.statusCode(), millis);
				assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
				assertThat(down.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				assertThat(down.headers().firstValue("Retry-After")).isPresent();
				assertThat(down.body()).doesNotContain("Exception", "127.0.0.1");
				assertThat(millis).as("time to say search is unavailable").isLessThan(3_000);
			}

			var read = call("GET", "/api/directory/services/" + LISTING, "admin@demo.wrd", null);
			var edit = call("PATCH", "/api/directory/services/" + LISTING + "/availability", "admin@demo.wrd",
					"{\"seatsOpen\": " + seats + "}", "If-Match", read.headers().firstValue("ETag").orElseThrow());
			assertThat(edit.statusCode()).as("a seat update while search is down: %s", edit.body()).isEqualTo(200);
			assertThat(ok(call("GET", "/api/directory/services/" + LISTING, null, null)).at("/listing/workforce/seatsOpen")
				.asInt()).isEqualTo(seats);
			assertThat(backlog(engines)).as("listings waiting for the index").isPositive();
		}
		finally {
			long t0 = System.nanoTime();
			elasticsearch.start();
			elasticsearch.awaitHealthy();
			System.out.printf("[es-down] Elasticsearch back after %.1f s%n", (System.nanoTime() - t0) / 1e9);
		}

		long t0 = System.nanoTime();
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(seatsInSearch(searchTitle)).isEqualTo(seats));
		System.out.printf("[es-down] the saved change was searchable %.1f s after Elasticsearch was healthy%n",
				(System.nanoTime() - t0) / 1e9);
		assertThat(backlog(engines)).as("listings still waiting for the index").isZero();
	}

	/** Open seats of the listing as search shows it, or null when it is not among the results. */
	private static Integer seatsInSearch(String path) throws Exception {
		for (JsonNode r : ok(call("GET", path, null, null)).get("results")) {
			if (r.get("serviceId").asString().equals(LISTING)) {
				return r.get("seatsOpen").isNull() ? null : r.get("seatsOpen").asInt();
			}
		}
		return null;
	}

	private static long backlog(Engines engines) throws Exception {
		try (Connection c = DriverManager.getConnection(engines.jdbcUrl("directory"), "directory", "directory");
				var rs = c.createStatement().executeQuery("select count(*) from search_backlog")) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
