package org.workforcepathways.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.workforcepathways.contracts.CloudEvent;
import org.workforcepathways.contracts.EventJson;
import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.EventValidator;
import org.workforcepathways.contracts.Topics;
import org.workforcepathways.contracts.engagement.CampaignLanding;
import org.workforcepathways.metrics.simulation.CampaignTraffic;
import org.workforcepathways.metrics.simulation.DemoListing;
import org.workforcepathways.testsupport.Engines;
import org.workforcepathways.testsupport.ServiceProcess;
import org.workforcepathways.testsupport.TestEngines;
import org.workforcepathways.testsupport.Tokens;

/**
 * The event pipeline of metrics-service on the real broker: how many events a second it counts, and how long an
 * event takes from publish to visible in the campaign report (freshness), idle and while a bulk load is counted.
 * metrics-service runs from its jar with exactly-once processing (commit interval 200 ms, as configured); the events
 * are a simulated campaign month ({@code CampaignTraffic}), dated in a month of their own so nothing else on the
 * shared topics mixes in. Writes the figures to {@code docs/benchmarks.md}.
 *
 * <p>
 * Usage (from the repository root): {@code bench/run events [scale=10] [probes=60]}
 */
public final class EventsBenchmark {

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private EventsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		double scale = args.length > 0 ? Double.parseDouble(args[0]) : 10;
		int probes = args.length > 1 ? Integer.parseInt(args[1]) : 60;
		Path root = Path.of(System.getProperty("wrd.root", ".")).toAbsolutePath().normalize();
		Path work = root.resolve("bench/target/bench");
		Files.createDirectories(work);
		Engines engines = TestEngines.get();
		BenchFiles.fresh(engines, List.of("metrics_bench"), List.of());

		String run = UUID.randomUUID().toString().substring(0, 6);
		long slot = Instant.now().getEpochSecond() / 60 % 200;
		LocalDate first = LocalDate.of(1700, 1, 1).plusDays(400 + slot * 450);
		Instant end = first.plusDays(31).atStartOfDay(CHICAGO).toInstant();
		Map<String, Double> codes = new LinkedHashMap<>();
		codes.put("B1-" + run, 9.0);
		codes.put("B2-" + run, 7.0);
		codes.put("B3-" + run, 3.0);
		String probeCode = "PROBE-" + run;
		List<DemoListing> listings = DemoListing.read(root.resolve("infra/demo-data/calumet-listings.json"))
			.stream()
			.map(l -> new DemoListing("bench-" + run + "-" + l.id(), l.kind(), l.organizationId(), l.name(),
					l.occupations(), l.seats()))
			.toList();
		List<CampaignTraffic.Sent> events = new CampaignTraffic(listings, codes, CHICAGO, scale, slot).generate(first, 31,
				end);
		long searches = distinctSearches(events);

		Map<String, String> properties = new LinkedHashMap<>(engines.serviceProperties("metrics_bench"));
		properties.put("spring.kafka.streams.application-id", "metrics-bench-" + run);
		properties.put("spring.kafka.streams.state-dir", Files.createTempDirectory("metrics-bench").toString());
		try (ServiceProcess metrics = ServiceProcess.of(root, "metrics-service", 18195, "512m", properties,
				work.resolve("events-bench-metrics.log")); var producer = producer(engines)) {
			metrics.start(Duration.ofMinutes(3), s -> log("%d s: metrics-service starting", s));
			String campaign = createCampaign(metrics.url(), first, codes, probeCode);
			String report = metrics.url() + "/api/metrics/campaigns/" + campaign + "/report?granularity=month";
			String token = Tokens.accessToken("city.staff@demo.wrd");

			// freshness at rest: the probe code needs 10 landings before a change shows (smaller counts read "<10")
			for (int i = 0; i < 10; i++) {
				send(producer, landing(probeCode, first.plusDays(3)));
			}
			producer.flush();
			waitFor(report, token, probeCode, 10);
			List<Long> idle = probe(producer, report, token, probeCode, first, 10, probes);

			// bulk: the whole month as fast as one producer sends it, probing freshness meanwhile
			long t0 = System.nanoTime();
			Thread bulk = Thread.ofPlatform().start(() -> {
				events.forEach(e -> producer.send(new ProducerRecord<>(e.topic(), e.key(), e.json())));
				producer.flush();
			});
			List<Long> loaded = new ArrayList<>();
			long seen = 10 + probes;
			while (bulk.isAlive() || searchesIn(report, token) < searches) {
				loaded.addAll(probe(producer, report, token, probeCode, first, seen, 1));
				seen++;
				if (!bulk.isAlive() && searchesIn(report, token) >= searches) {
					break;
				}
			}
			double seconds = (System.nanoTime() - t0) / 1e9;
			long reportNanos = reportTime(report, token);
			ConsumerPerf raw = consumerPerf(engines, events, run);
			log("Kafka's consumer performance tool: %,d records in %.1f s: %,.0f records/s", raw.records(), raw.seconds(),
					raw.records() / raw.seconds());
			var idleLatency = Latencies.of("publish → visible, idle", idle);
			var loadedLatency = loaded.isEmpty() ? null : Latencies.of("publish → visible, during the bulk load", loaded);
			log("%,d events counted in %.1f s: %,.0f events/s", events.size(), seconds, events.size() / seconds);
			log("%s", idleLatency);
			if (loadedLatency != null) {
				log("%s", loadedLatency);
			}
			write(root.resolve("docs/benchmarks.md"), scale, events.size(), searches, seconds, raw, idleLatency,
					loadedLatency, reportNanos / 1e6);
		}
	}

	private static List<Long> probe(KafkaProducer<String, String> producer, String report, String token, String code,
			LocalDate first, long before, int n) throws Exception {
		List<Long> nanos = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			long t = System.nanoTime();
			send(producer, landing(code, first.plusDays(5)));
			producer.flush();
			waitFor(report, token, code, before + i + 1);
			nanos.add(System.nanoTime() - t);
		}
		return nanos;
	}

	private static void waitFor(String report, String token, String code, long landings) throws Exception {
		long deadline = System.currentTimeMillis() + 300_000;
		while (System.currentTimeMillis() < deadline) {
			JsonNode tree = get(report, token);
			if (tree != null) {
				for (JsonNode row : tree.at("/traffic/landingsByCode/rows")) {
					if (row.get("key").asString().equals(code) && row.get("count").isNumber()
							&& row.get("count").asLong() >= landings) {
						return;
					}
				}
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException("landing " + landings + " of " + code + " not visible within 5 minutes");
	}

	private static long searchesIn(String report, String token) throws Exception {
		JsonNode tree = get(report, token);
		JsonNode total = tree == null ? null : tree.at("/traffic/searches/total");
		return total != null && total.isNumber() ? total.asLong() : 0;
	}

	private static long reportTime(String report, String token) throws Exception {
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			long t = System.nanoTime();
			get(report, token);
			times.add(System.nanoTime() - t);
		}
		return times.stream().sorted().toList().get(10);
	}

	private static JsonNode get(String url, String token) throws Exception {
		var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
		return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
	}

	private static String createCampaign(String url, LocalDate first, Map<String, Double> codes, String probeCode)
			throws Exception {
		StringBuilder components = new StringBuilder();
		for (String code : codes.keySet()) {
			components.append("{\"code\": \"").append(code).append("\", \"channel\": \"billboard\", \"name\": \"").append(code)
				.append("\"},");
		}
		components.append("{\"code\": \"").append(probeCode).append("\", \"channel\": \"other\", \"name\": \"probe\"}");
		String body = """
				{"name": "Events benchmark", "startsOn": "%s", "endsOn": "%s", "components": [%s]}"""
			.formatted(first, first.plusDays(30), components);
		var response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/metrics/campaigns"))
			.header("Authorization", "Bearer " + Tokens.accessToken("admin@demo.wrd"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("campaign not created: " + response.body());
		}
		return JSON.readTree(response.body()).get("id").asString();
	}

	private static CloudEvent<CampaignLanding> landing(String code, LocalDate day) {
		return CloudEvent.of(EventTypes.CAMPAIGN_LANDING, "/bench", new CampaignLanding(code, "/c", "en", null),
				day.atTime(12, 0).atZone(CHICAGO).toInstant());
	}

	private static void send(KafkaProducer<String, String> producer, CloudEvent<?> event) {
		producer.send(new ProducerRecord<>(Topics.DIRECTORY_ENGAGEMENT, event.id(), EventJson.write(event)));
	}

	private static long distinctSearches(List<CampaignTraffic.Sent> events) {
		Set<String> ids = new HashSet<>();
		EventValidator validator = new EventValidator();
		for (CampaignTraffic.Sent e : events) {
			if (e.json().contains(EventTypes.SEARCH_PERFORMED.name())) {
				((EventValidator.Accepted) validator.validate(e.json())).as(EventTypes.SEARCH_PERFORMED)
					.ifPresent(s -> ids.add(s.id()));
			}
		}
		return ids.size();
	}

	private static KafkaProducer<String, String> producer(Engines engines) {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafkaBootstrap());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	/** What Kafka's own consumer performance tool read: records and seconds, summed over the topics. */
	record ConsumerPerf(long records, double seconds, Map<String, Long> perTopic) {

		double rate() {
			return records / seconds;
		}

	}

	/**
	 * Reads, with Kafka's {@code ConsumerPerformance} (what {@code kafka-consumer-perf-test.sh} runs), as many records
	 * from each topic as this run sent to it, topic after topic, from the beginning with a fresh group: the same
	 * topics, partitions and record sizes metrics-service read, without any processing. Its own elapsed time, which
	 * includes joining the group like metrics-service's does, is summed.
	 */
	private static ConsumerPerf consumerPerf(Engines engines, List<CampaignTraffic.Sent> events, String run)
			throws Exception {
		Map<String, Long> perTopic = new LinkedHashMap<>();
		events.forEach(e -> perTopic.merge(e.topic(), 1L, Long::sum));
		long records = 0;
		double seconds = 0;
		for (var topic : perTopic.entrySet()) {
			Path out = Files.createTempFile("consumer-perf", ".csv");
			Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
					"-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ConsumerPerformance",
					"--bootstrap-server", engines.kafkaBootstrap(), "--topic", topic.getKey(), "--messages",
					Long.toString(topic.getValue()), "--group", "consumer-perf-" + run + "-" + topic.getKey(), "--timeout",
					"30000")
				.redirectErrorStream(true)
				.redirectOutput(out.toFile())
				.start();
			if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0) {
				p.destroyForcibly();
				throw new IllegalStateException("consumer performance tool failed: " + Files.readString(out));
			}
			// start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...
			List<String> lines = Files.readAllLines(out).stream().filter(l -> l.matches("^\\d{4}-.*")).toList();
			Files.delete(out);
			if (lines.isEmpty()) {
				throw new IllegalStateException("consumer performance tool printed no result for " + topic.getKey());
			}
			String[] f = lines.getLast().split(",\\s*");
			long read = Long.parseLong(f[4].trim());
			if (read < topic.getValue()) {
				throw new IllegalStateException("consumer performance tool read " + read + " of " + topic.getValue()
						+ " records from " + topic.getKey());
			}
			records += read;
			seconds += read / Double.parseDouble(f[5].trim());
		}
		return new ConsumerPerf(records, seconds, perTopic);
	}

	record Latencies(String what, int count, double p50, double p95, double max) {

		static Latencies of(String what, List<Long> nanos) {
			var s = SuggestBenchmark.Latencies.of(what, nanos);
			return new Latencies(what, s.count(), s.p50(), s.p95(), s.max());
		}

	}

	private static void write(Path file, double scale, int events, long searches, double seconds, ConsumerPerf raw,
			Latencies idle, Latencies loaded, double reportMs) throws IOException {
		StringBuilder s = new StringBuilder();
		s.append("## Event pipeline: throughput and freshness\n\n");
		s.append(String.format(Locale.ROOT,
				"Measured %s on this machine (%d cores, Java %s) with `bench/run events %s`: metrics-service from its jar "
						+ "(512 MB heap, exactly-once v2, commit interval 200 ms) on the native single-broker Kafka, fed a "
						+ "simulated campaign month at scale %s by one producer as fast as it sends (%,d events over the "
						+ "three topics, 1%% of them redelivered, %,d distinct searches). Counted until the report showed "
						+ "every search: **%,.0f events/s** (%.1f s). Freshness is the time from publishing one campaign "
						+ "landing to seeing it in the report, polled every 20 ms; one report takes %.0f ms to build "
						+ "(p50), which is part of every figure below.%n%n",
				LocalDate.now(), Runtime.getRuntime().availableProcessors(), Runtime.version().feature(), fmt(scale),
				fmt(scale), events, searches, events / seconds, seconds, reportMs));
		double suite = events / seconds;
		s.append(String.format(Locale.ROOT,
				"Kafka's own consumer performance tool (`ConsumerPerformance`, what `kafka-consumer-perf-test.sh` runs) "
						+ "read the same records from the same topics and partitions (%s), topic after topic, with a "
						+ "fresh group: **%,.0f records/s**. metrics-service, which validates, deduplicates and counts each "
						+ "event exactly once into its Kafka Streams state stores (changelogged, in transactions), runs at "
						+ "**%.2f x** the bare consumer (1 : %.1f).%n%n",
				raw.perTopic()
					.entrySet()
					.stream()
					.map(e -> String.format(Locale.ROOT, "`%s` %,d", e.getKey(), e.getValue()))
					.collect(java.util.stream.Collectors.joining(", ")),
				raw.rate(), suite / raw.rate(), raw.rate() / suite));
		s.append("| reader | records | seconds | records/s |\n|---|---|---|---|\n");
		s.append(String.format(Locale.ROOT, "| metrics-service (counted, exactly once) | %,d | %.1f | %,.0f |%n", events,
				seconds, suite));
		s.append(String.format(Locale.ROOT, "| Kafka consumer performance tool (read only) | %,d | %.1f | %,.0f |%n%n",
				raw.records(), raw.seconds(), raw.rate()));
		s.append(String.format(Locale.ROOT, """
				```mermaid
				xychart-beta
				  title "Events per second"
				  x-axis ["metrics-service", "consumer perf tool"]
				  y-axis "records/s" 0 --> %d
				  bar [%.0f, %.0f]
				```

				""", (long) (Math.max(suite, raw.rate()) * 1.15), suite, raw.rate()));
		s.append("| freshness | n | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|\n");
		for (Latencies l : loaded == null ? List.of(idle) : List.of(idle, loaded)) {
			s.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f |%n", l.what(), l.count(), l.p50(), l.p95(),
					l.max()));
		}
		BenchFiles.writeSection(file, "events", s.append('\n').toString());
	}

	private static String fmt(double scale) {
		return scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale);
	}

	private static void log(String format, Object... args) {
		System.out.printf(Locale.ROOT, "[events] " + format + "%n", args);
	}

}
