package org.workforcepathways.e2e;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.workforcepathways.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An anonymous flood from one address, far over its limit, is turned away with 429 problem+json while a signed-in
 * user and another anonymous visitor, searching at the same time, are all served.
 */
class LoadSheddingIT {

	private static final String SEARCH = "/api/directory/search?q=welding";

	/** The directory route lets an anonymous address 300 a minute; the flood sends three times that. */
	private static final int FLOOD = 900;

	private static final int FLOOD_CLIENTS = 8;

	@Test
	void anAnonymousFloodGets429sWhileOthersKeepBeingServed() throws Exception {
		String gateway = Suite.gateway();
		HttpClient flooder = client("127.78.0.1");
		HttpClient signedIn = client("127.78.0.2");
		HttpClient neighbour = client("127.78.0.3");
		String token = "Bearer " + Tokens.accessToken("case.manager@demo.wrd");

		Map<Integer, AtomicInteger> flood = new ConcurrentHashMap<>();
		List<String> badRefusals = java.util.Collections.synchronizedList(new ArrayList<>());
		AtomicInteger sent = new AtomicInteger();
		Map<String, Map<Integer, Integer>> others = new TreeMap<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(FLOOD_CLIENTS + 2)) {
			List<Future<?>> flooding = new ArrayList<>();
			for (int c = 0; c < FLOOD_CLIENTS; c++) {
				flooding.add(pool.submit(() -> {
					while (sent.incrementAndGet() <= FLOOD) {
						var r = flooder.send(get(gateway + SEARCH, null), HttpResponse.BodyHandlers.ofString());
						flood.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
						if (r.statusCode() == 429 && !(r.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")
								&& r.headers().firstValue("Retry-After").isPresent())) {
							badRefusals.add(r.headers().map().toString());
						}
					}
					return null;
				}));
			}
			// while the flood runs, a case manager and another visitor search at a person's pace
			Future<Map<Integer, Integer>> user = pool.submit(() -> paced(signedIn, gateway, token, sent));
			Future<Map<Integer, Integer>> visitor = pool.submit(() -> paced(neighbour, gateway, null, sent));
			for (Future<?> f : flooding) {
				f.get();
			}
			others.put("signed-in", user.get());
			others.put("other anonymous visitor", visitor.get());
		}
		System.out.printf("[load] flood of %d from one address: %s; meanwhile %s%n", FLOOD, flood, others);

		assertThat(flood.keySet()).as("answers to the flood").containsOnly(200, 429);
		assertThat(flood.get(429).get()).as("flood requests turned away").isGreaterThanOrEqualTo(FLOOD - 300 - 100);
		assertThat(badRefusals).as("429s without problem+json and Retry-After").isEmpty();
		others.forEach((who, statuses) -> {
			assertThat(statuses.keySet()).as("answers to the %s during the flood", who).containsOnly(200);
			assertThat(statuses.get(200)).as("requests of the %s served", who).isGreaterThanOrEqualTo(10);
		});
	}

	/** Searches every 100 ms until the flood has been sent; returns the count of each status. */
	private static Map<Integer, Integer> paced(HttpClient client, String gateway, String token, AtomicInteger flood)
			throws Exception {
		Map<Integer, Integer> statuses = new TreeMap<>();
		while (flood.get() < FLOOD || statuses.values().stream().mapToInt(Integer::intValue).sum() < 10) {
			var r = client.send(get(gateway + SEARCH, token), HttpResponse.BodyHandlers.discarding());
			statuses.merge(r.statusCode(), 1, Integer::sum);
			Thread.sleep(100);
		}
		return statuses;
	}

	private static HttpRequest get(String url, String token) {
		var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
		if (token != null) {
			request.header("Authorization", token);
		}
		return request.build();
	}

	private static HttpClient client(String address) throws Exception {
		return HttpClient.newBuilder()
			.localAddress(InetAddress.getByName(address))
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

}
