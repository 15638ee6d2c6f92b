package org.workforcepathways.e2e;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforcepathways.e2e.Gateway.JSON;

/**
 * The load the fault tests put on a gateway while they kill parts behind it: searches, seat updates on ten demo
 * training programs (read, then PATCH with If-Match), and new clients each referred to a program, one worker each. It
 * keeps what was answered and acknowledged, so a test can check afterwards that every acknowledged write is stored.
 */
final class MixedLoad implements AutoCloseable {

	/** A seat update the gateway acknowledged: which listing, its new version and the seats it said it saved. */
	record Ack(String id, long version, int seatsOpen) {

	}

	private final String gateway;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final AtomicBoolean loading = new AtomicBoolean(true);

	private final AtomicBoolean afterKill = new AtomicBoolean(false);

	private final Map<String, Map<Integer, Integer>> statuses = Collections.synchronizedMap(new TreeMap<>());

	private final AtomicInteger servedAfterKill = new AtomicInteger();

	private final AtomicLong searches = new AtomicLong();

	private final AtomicLong searchesCutOff = new AtomicLong();

	private final List<Ack> seatUpdates = Collections.synchronizedList(new ArrayList<>());

	private final List<String> clients = Collections.synchronizedList(new ArrayList<>());

	private final List<String> referrals = Collections.synchronizedList(new ArrayList<>());

	private final ExecutorService pool = Executors.newFixedThreadPool(3);

	private final List<Future<?>> workers;

	/** Starts the three workers; tokens are {@code Bearer ...} values. */
	MixedLoad(String gateway, String searcher, String admin, String caseManager) {
		this.gateway = gateway;
		this.workers = List.of(pool.submit(() -> {
			while (loading.get()) {
				var answer = Gateway.at(gateway, "GET", "/api/directory/search?q=welding", searcher, null);
				count("search", answer);
				(answer.statusCode() == 200 ? searches : searchesCutOff).incrementAndGet();
				Thread.sleep(50);
			}
			return null;
		}), pool.submit(() -> {
			for (int i = 0; loading.get(); i++) {
				String id = String.format("demo-tp-%04d", 60 + i % 10);
				var read = Gateway.at(gateway, "GET", "/api/directory/services/" + id, admin, null);
				count("listing read", read);
				if (read.statusCode() != 200) {
					Thread.sleep(150);
					continue;
				}
				int seats = i % 40;
				var edit = Gateway.at(gateway, "PATCH", "/api/directory/services/" + id + "/availability", admin,
						"{\"seatsTotal\": 60, \"seatsOpen\": " + seats + "}", "If-Match",
						read.headers().firstValue("ETag").orElseThrow());
				count("seat update", edit);
				if (edit.statusCode() == 200) {
					seatUpdates.add(new Ack(id,
							Long.parseLong(edit.headers().firstValue("ETag").orElseThrow().replace("\"", "")), seats));
				}
				Thread.sleep(150);
			}
			return null;
		}), pool.submit(() -> {
			for (int i = 0; loading.get(); i++) {
				var created = Gateway.at(gateway, "POST", "/api/matching/clients", caseManager,
						"{\"displayName\": \"Scale-out " + run + " " + i + "\"}");
				count("new client", created);
				if (created.statusCode() / 100 == 2) {
					String client = JSON.readTree(created.body()).get("id").asString();
					clients.add(client);
					var referral = Gateway.at(gateway, "POST", "/api/matching/referrals", caseManager,
							"{\"listingId\": \"demo-tp-000" + (1 + i % 9) + "\", \"clientId\": \"" + client + "\"}");
					count("referral", referral);
					if (referral.statusCode() / 100 == 2) {
						referrals.add(JSON.readTree(referral.body()).get("id").asString());
					}
				}
				Thread.sleep(200);
			}
			return null;
		}));
	}

	/** From now on, answers count as served by the survivors. */
	void killed() {
		afterKill.set(true);
	}

	/** Stops the workers and rethrows what any of them failed with. */
	void stop() throws Exception {
		loading.set(false);
		for (Future<?> w : workers) {
			w.get();
		}
		System.out.printf("[mixed-load] answers by request: %s; %d served after the kill%n", statuses,
				servedAfterKill.get());
	}

	long searchesAnswered() {
		return searches.get();
	}

	long searchesCutOff() {
		return searchesCutOff.get();
	}

	/**
	 * A request inside an instance as it dies gets a 503 (its caller is told, nothing is silently lost): at most the
	 * few in flight at the kill; connection failures are retried on a survivor. Survivors served the rest.
	 */
	void assertOnlyCutOffRequestsFailed(int atMost, int servedAfterAtLeast) {
		assertThat(failures()).as("requests cut off by the kill").isLessThanOrEqualTo(atMost);
		assertThat(servedAfterKill.get()).as("requests served by the survivors after the kill")
			.isGreaterThan(servedAfterAtLeast);
	}

	/**
	 * Requests that were not served: each a 503, or a 504 when a service waited too long for one that had died (the
	 * caller is told to try again), never another error.
	 */
	int failures() {
		return statuses.values()
			.stream()
			.flatMap(m -> m.entrySet().stream())
			.filter(e -> e.getKey() / 100 != 2)
			.mapToInt(e -> {
				assertThat(e.getKey()).as("status of a request cut off by the kill").isIn(503, 504);
				return e.getValue();
			})
			.sum();
	}

	/** Every acknowledged write is stored: the last seat count of each listing, and every new client. */
	void assertEveryAcknowledgedWriteStored(String caseManager) throws Exception {
		Map<String, Ack> last = seatUpdates.stream()
			.collect(Collectors.toMap(Ack::id, a -> a, (a, b) -> a.version() > b.version() ? a : b));
		for (Ack a : last.values()) {
			JsonNode listing = Gateway.ok(Gateway.at(gateway, "GET", "/api/directory/services/" + a.id(), null, null));
			assertThat(listing.at("/listing/workforce/seatsOpen").asInt()).as("seats of %s", a.id())
				.isEqualTo(a.seatsOpen());
		}
		Set<String> stored = new HashSet<>();
		for (int page = 0;; page++) {
			JsonNode found = Gateway.ok(Gateway.at(gateway, "GET",
					"/api/matching/clients?size=100&q=" + run + "&page=" + page, caseManager, null));
			found.forEach(c -> stored.add(c.at("/client/id").asString()));
			if (found.size() < 100) {
				break;
			}
		}
		assertThat(stored).as("clients the case manager sees").containsAll(clients);
		for (String referral : referrals) {
			JsonNode r = Gateway.ok(Gateway.at(gateway, "GET", "/api/matching/referrals/" + referral, caseManager, null));
			assertThat(r.get("status").asString()).as("referral %s", referral).isEqualTo("sent");
		}
		assertThat(seatUpdates).as("seat updates acknowledged").isNotEmpty();
		assertThat(referrals).as("referrals acknowledged").isNotEmpty();
		System.out.printf("[mixed-load] %d seat updates, %d new clients and %d referrals acknowledged, all stored%n",
				seatUpdates.size(), clients.size(), referrals.size());
	}

	private void count(String what, HttpResponse<String> response) {
		statuses.computeIfAbsent(what, k -> Collections.synchronizedMap(new TreeMap<>()))
			.merge(response.statusCode(), 1, Integer::sum);
		if (afterKill.get() && response.statusCode() / 100 == 2) {
			servedAfterKill.incrementAndGet();
		}
	}

	@Override
	public void close() {
		loading.set(false);
		pool.close();
	}

}
