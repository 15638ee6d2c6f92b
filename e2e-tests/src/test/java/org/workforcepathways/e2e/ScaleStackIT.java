package org.workforcepathways.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.workforcepathways.devstack.Part;
import org.workforcepathways.devstack.Stack;
import org.workforcepathways.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.workforcepathways.e2e.Gateway.JSON;

/**
 * The {@code scale} stack as {@code ./wrd up --scale} runs it, natively: 3 Kafka brokers (3 replicas, 2 in sync), 2
 * Elasticsearch nodes, PostgreSQL, Keycloak and 2 instances of each service behind the gateway. Under a load of
 * searches, seat updates and new clients, one broker and the second instance of each service are killed with SIGKILL.
 * The survivors keep answering; every acknowledged seat update and new client is stored, and every search answered is
 * counted once in the campaign report (which the surviving metrics-service serves).
 */
class ScaleStackIT {

	private static final Duration BEFORE_KILL = Duration.ofSeconds(10);

	private static final Duration AFTER_KILL = Duration.ofSeconds(20);

	@Test
	void killingOneBrokerAndOneInstanceOfEachServiceUnderLoadLosesNothing() throws Exception {
		Stack scale = Stack.named("scale");
		scale.wipe(); // a fresh stack: the report holds only this test's searches
		try {
			long t0 = System.nanoTime();
			scale.upEngines(line -> System.out.println("[scale-stack] " + line.strip()));
			scale.upServices(line -> System.out.println("[scale-stack] " + line.strip()));
			System.out.printf("[scale-stack] up in %.0f s%n", (System.nanoTime() - t0) / 1e9);
			assertThat(scale.all()).extracting(Part::name)
				.contains("kafka", "kafka-2", "kafka-3", "elasticsearch", "elasticsearch-2", "directory-service-2",
						"matching-service-2", "metrics-service-2")
				.allSatisfy(name -> assertThat(scale.part(name).healthy()).as(name + " healthy").isTrue());
			JsonNode cluster = JSON.readTree(java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest
					.newBuilder(java.net.URI.create(scale.part("elasticsearch").url() + "/_cluster/health"))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body());
			assertThat(cluster.get("number_of_nodes").asInt()).as("Elasticsearch nodes in the cluster").isEqualTo(2);
			run(scale);
		}
		finally {
			scale.down();
		}
	}

	private void run(Stack scale) throws Exception {
		String gateway = "http://127.0.0.1:" + scale.context().ports().gateway();
		String issuer = scale.endpoints().issuer();
		String jobseeker = "Bearer " + Tokens.accessToken(issuer, "jobseeker@demo.wrd");
		String admin = "Bearer " + Tokens.accessToken(issuer, "admin@demo.wrd");
		String caseManager = "Bearer " + Tokens.accessToken(issuer, "case.manager@demo.wrd");
		String staff = "Bearer " + Tokens.accessToken(issuer, "city.staff@demo.wrd");

		// below 10 the report shows "<10": search enough first for a number to compare with
		for (int i = 0; i < 12; i++) {
			Gateway.ok(Gateway.at(gateway, "GET", "/api/directory/search?q=welding", jobseeker, null));
		}
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
			.until(() -> searchesCounted(gateway, staff) >= 12);
		long before = settled(gateway, staff);

		long searches;
		long cutOff;
		try (MixedLoad load = new MixedLoad(gateway, jobseeker, admin, caseManager)) {
			Thread.sleep(BEFORE_KILL);
			List<String> victims = List.of("kafka-2", "directory-service-2", "matching-service-2", "metrics-service-2");
			for (String victim : victims) {
				assertThat(scale.part(victim).kill()).as(victim + " was running").isTrue();
			}
			load.killed();
			System.out.println("[scale-stack] killed " + victims + " with SIGKILL");
			Thread.sleep(AFTER_KILL);
			load.stop();
			load.assertOnlyCutOffRequestsFailed(4, 100);
			load.assertEveryAcknowledgedWriteStored(caseManager);
			searches = load.searchesAnswered();
			cutOff = load.searchesCutOff();
		}

		// every search answered reaches the report through the outbox and the two remaining brokers, once; the one
		// search in flight inside the killed instance (the load sends one at a time) may have been recorded before its
		// answer was lost, and the gateway retries a read on the survivor, so that one may count twice
		long t0 = System.nanoTime();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
			.until(() -> searchesCounted(gateway, staff) >= before + searches);
		long counted = settled(gateway, staff) - before;
		System.out.printf("[scale-stack] %d searches answered (%d cut off), %d counted; the report caught up %.1f s "
				+ "after the load%n", searches, cutOff, counted, (System.nanoTime() - t0) / 1e9);
		assertThat(counted).as("searches counted in the report").isBetween(searches, searches + 1);
	}

	/** Searches in the sample campaign's report (the first metrics-service seeds it); -1 while shown as "<10". */
	private static long searchesCounted(String gateway, String token) throws Exception {
		JsonNode campaigns = Gateway.ok(Gateway.at(gateway, "GET", "/api/metrics/campaigns", token, null));
		String id = null;
		for (JsonNode c : campaigns) {
			if (c.get("name").asString().endsWith("(sample)")) {
				id = c.get("id").asString();
			}
		}
		assertThat(id).as("the sample campaign").isNotNull();
		JsonNode total = Gateway.ok(Gateway.at(gateway, "GET", "/api/metrics/campaigns/" + id + "/report", token, null))
			.at("/traffic/searches/total");
		return total.isNumber() ? total.asLong() : -1;
	}

	/** The count once nothing more arrives: the same on three reads a second apart. */
	private static long settled(String gateway, String token) throws Exception {
		long previous = searchesCounted(gateway, token);
		int same = 0;
		for (int i = 0; i < 60 && same < 2; i++) {
			Thread.sleep(1000);
			long now = searchesCounted(gateway, token);
			same = now == previous ? same + 1 : 0;
			previous = now;
		}
		return previous;
	}

}
