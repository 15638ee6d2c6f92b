package org.workforcepathways.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.workforcepathways.devstack.Ports;
import org.workforcepathways.testsupport.Engines;
import org.workforcepathways.testsupport.ServiceProcess;
import org.workforcepathways.testsupport.TestEngines;
import org.workforcepathways.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforcepathways.e2e.Gateway.JSON;

/**
 * Two instances each of directory-service and matching-service behind one gateway (the suite's instance and a
 * second one started here on the same databases); under a load of searches, seat updates and new clients, the second
 * instance of each is killed with SIGKILL. Searches never fail, the survivor takes every request from then on, and
 * every acknowledged write is stored.
 */
class ScaleOutIT {

	private static final int DIRECTORY_2 = 18281;

	private static final int MATCHING_2 = 18282;

	private static final int GATEWAY_2 = 18280;

	private static final Duration BEFORE_KILL = Duration.ofSeconds(8);

	private static final Duration AFTER_KILL = Duration.ofSeconds(10);

	/** A write the gateway acknowledged: what, and the state it said it saved. */
	record Ack(String id, long version, int seatsOpen) {

	}

	@Test
	void killingOneInstanceOfEachServiceUnderLoadLosesNothingAndServiceContinues() throws Exception {
		Suite.gateway();
		Engines engines = TestEngines.get();
		Ports ports = Suite.stack().context().ports();
		Path root = Path.of("..").toAbsolutePath().normalize();
		Path logs = root.resolve("e2e-tests/target/scale-out");
		String here = "http://127.0.0.1:";

		Map<String, String> matchingProperties = new LinkedHashMap<>(engines.serviceProperties("matching"));
		matchingProperties.put("spring.http.serviceclient.directory.base-url", here + ports.directory());
		Map<String, String> gatewayProperties = new LinkedHashMap<>();
		gatewayProperties.put("wrd.gateway.directory-uri", here + ports.directory() + "," + here + DIRECTORY_2);
		gatewayProperties.put("wrd.gateway.matching-uri", here + ports.matching() + "," + here + MATCHING_2);
		gatewayProperties.put("wrd.gateway.metrics-uri", here + ports.metrics());
		gatewayProperties.put("wrd.gateway.keycloak.issuer", engines.issuer());

		try (ServiceProcess directory2 = ServiceProcess.of(root, "directory-service", DIRECTORY_2, "384m",
				engines.serviceProperties("directory"), logs.resolve("directory-service-2.log"));
				ServiceProcess matching2 = ServiceProcess.of(root, "matching-service", MATCHING_2, "320m",
						matchingProperties, logs.resolve("matching-service-2.log"));
				ServiceProcess gateway2 = ServiceProcess.of(root, "gateway", GATEWAY_2, "320m", gatewayProperties,
						logs.resolve("gateway-2.log"))) {
			for (ServiceProcess s : List.of(directory2, matching2, gateway2)) {
				s.start(Duration.ofMinutes(3), t -> System.out.println("[scale-out] starting, " + t + " s"));
			}
			Thread.sleep(3000); // the gateway's first health round finds both instances of each

			String gateway = gateway2.url();
			String run = java.util.UUID.randomUUID().toString().substring(0, 8);
			String jobseeker = "Bearer " + Tokens.accessToken("jobseeker@demo.wrd");
			String admin = "Bearer " + Tokens.accessToken("admin@demo.wrd");
			String caseManager = "Bearer " + Tokens.accessToken("case.manager@demo.wrd");
			AtomicBoolean loading = new AtomicBoolean(true);
			AtomicBoolean killed = new AtomicBoolean(false);
			Map<String, Map<Integer, Integer>> statuses = Collections.synchronizedMap(new TreeMap<>());
			AtomicInteger servedAfterKill = new AtomicInteger();
			List<Ack> seatUpdates = Collections.synchronizedList(new ArrayList<>());
			List<String> clients = Collections.synchronizedList(new ArrayList<>());

			try (ExecutorService load = Executors.newFixedThreadPool(3)) {
				List<Future<?>> workers = List.of(load.submit(() -> {
					while (loading.get()) {
						count(statuses, "search", Gateway.at(gateway, "GET", "/api/directory/search?q=welding", jobseeker, null),
								killed, servedAfterKill);
						Thread.sleep(50);
					}
					return null;
				}), load.submit(() -> {
					for (int i = 0; loading.get(); i++) {
						String id = String.format("demo-tp-%04d", 60 + i % 10);
						var read = Gateway.at(gateway, "GET", "/api/directory/services/" + id, null, null);
						count(statuses, "listing read", read, killed, servedAfterKill);
						if (read.statusCode() != 200) {
							continue;
						}
						int seats = i % 40;
						var edit = Gateway.at(gateway, "PATCH", "/api/directory/services/" + id + "/availability", admin,
								"{\"seatsTotal\": 60, \"seatsOpen\": " + seats + "}", "If-Match",
								read.headers().firstValue("ETag").orElseThrow());
						count(statuses, "seat update", edit, killed, servedAfterKill);
						if (edit.statusCode() == 200) {
							seatUpdates.add(new Ack(id, Long.parseLong(edit.headers().firstValue("ETag").orElseThrow().replace("\"", "")), seats));
						}
						Thread.sleep(150);
					}
					return null;
				}), load.submit(() -> {
					for (int i = 0; loading.get(); i++) {
						var created = Gateway.at(gateway, "POST", "/api/matching/clients", caseManager,
								"{\"displayName\": \"Scale-out " + run + " " + i + "\"}");
						count(statuses, "new client", created, killed, servedAfterKill);
						if (created.statusCode() / 100 == 2) {
							clients.add(JSON.readTree(created.body()).get("id").asString());
						}
						Thread.sleep(200);
					}
					return null;
				}));
				Thread.sleep(BEFORE_KILL);
				directory2.kill();
				matching2.kill();
				killed.set(true);
				System.out.println("[scale-out] killed the second directory-service and matching-service with SIGKILL");
				Thread.sleep(AFTER_KILL);
				loading.set(false);
				for (Future<?> w : workers) {
					w.get();
				}
			}
			System.out.printf("[scale-out] answers by request: %s; %d served after the kill%n", statuses, servedAfterKill.get());

			// a request inside an instance as it dies gets a 503 (its caller is told, nothing is silently lost): at most
			// the few in flight at the kill; connection failures are retried on the survivor
			int failed = statuses.values().stream()
				.flatMap(m -> m.entrySet().stream())
				.filter(e -> e.getKey() / 100 != 2)
				.mapToInt(e -> {
					assertThat(e.getKey()).as("status of a request cut off by the kill").isEqualTo(503);
					return e.getValue();
				})
				.sum();
			assertThat(failed).as("requests cut off by the kill").isLessThanOrEqualTo(3);
			assertThat(servedAfterKill.get()).as("requests served by the survivors after the kill").isGreaterThan(50);

			// every acknowledged write is stored: the last seat count of each listing, and every new client
			Map<String, Ack> last = seatUpdates.stream()
				.collect(Collectors.toMap(Ack::id, a -> a, (a, b) -> a.version() > b.version() ? a : b));
			for (Ack a : last.values()) {
				JsonNode listing = Gateway.ok(Gateway.at(gateway, "GET", "/api/directory/services/" + a.id(), null, null));
				assertThat(listing.at("/listing/workforce/seatsOpen").asInt()).as("seats of %s", a.id()).isEqualTo(a.seatsOpen());
			}
			Set<String> stored = new java.util.HashSet<>();
			for (int page = 0;; page++) {
				JsonNode found = Gateway.ok(Gateway.at(gateway, "GET",
						"/api/matching/clients?size=100&q=" + run + "&page=" + page, caseManager, null));
				found.forEach(c -> stored.add(c.at("/client/id").asString()));
				if (found.size() < 100) {
					break;
				}
			}
			assertThat(stored).as("clients the case manager sees").containsAll(clients);
			System.out.printf("[scale-out] %d seat updates and %d new clients acknowledged, all stored%n",
					seatUpdates.size(), clients.size());
		}
	}

	private static void count(Map<String, Map<Integer, Integer>> statuses, String what,
			java.net.http.HttpResponse<String> response, AtomicBoolean killed, AtomicInteger servedAfterKill) {
		statuses.computeIfAbsent(what, k -> Collections.synchronizedMap(new TreeMap<>())).merge(response.statusCode(), 1, Integer::sum);
		if (killed.get() && response.statusCode() / 100 == 2) {
			servedAfterKill.incrementAndGet();
		}
	}

}
