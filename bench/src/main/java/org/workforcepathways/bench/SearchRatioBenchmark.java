package org.workforcepathways.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.workforcepathways.testsupport.Engines;
import org.workforcepathways.testsupport.ServiceProcess;
import org.workforcepathways.testsupport.TestEngines;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the suite costs on top of Elasticsearch for one search: the same 20 searches sent through the gateway,
 * straight to directory-service, and as the exact Elasticsearch requests directory-service sends (captured from
 * Elasticsearch's own search slow log), each with 1 and 8 concurrent clients, by {@code wrk} (Debian's package).
 * Run at each listing count given (default 10,000 and 100,000) to show how cost grows. Writes to
 * {@code docs/benchmarks.md}.
 *
 * <p>
 * Usage (from the repository root): {@code bench/run search [listings,...] [seconds per run]}
 */
public final class SearchRatioBenchmark {

	private static final int WARM_UP_SECONDS = 60;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** HTTP/1.1 only: Elasticsearch does not take the JDK client's h2c upgrade on a GET. */
	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private static final int DIRECTORY_PORT = 18191;

	private static final int GATEWAY_PORT = 18192;

	private static final List<Integer> CLIENTS = List.of(1, 8);

	private SearchRatioBenchmark() {
	}

	/** One wrk run: requests per second and latency percentiles in ms; errors are non-2xx/3xx answers and socket errors. */
	record Run(String path, int clients, long requests, double seconds, double p50, double p95, double p99, double max,
			long errors) {

		double perSecond() {
			return requests / seconds;
		}

	}

	/** The Elasticsearch request one directory search makes (two when a search with no hits is relaxed). */
	record EsRequest(String path, String contentType, String body) {

		/** The same request without one of its top-level parts (its facets, highlight or spelling suggestions). */
		EsRequest without(String part) {
			tools.jackson.databind.node.ObjectNode tree = (tools.jackson.databind.node.ObjectNode) JSON.readTree(body);
			tree.remove(part);
			return new EsRequest(path, contentType, JSON.writeValueAsString(tree));
		}

	}

	/** Top-level parts of the search request whose cost is measured by leaving each one out in turn. */
	private static final List<String> PARTS = List.of("aggregations", "highlight", "suggest");

	record SizeResult(int listings, double loadSeconds, List<Run> runs, List<Run> parts) {

		Run find(String path, int clients) {
			return runs.stream().filter(r -> r.path().equals(path) && r.clients() == clients).findFirst().orElseThrow();
		}

	}

	public static void main(String[] args) throws Exception {
		List<Integer> sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,100000").split(","))
			.map(String::trim)
			.map(Integer::parseInt)
			.toList();
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
		String wrkVersion = Wrk.version();
		Path root = Path.of(System.getProperty("wrd.root", ".")).toAbsolutePath().normalize();
		Path work = root.resolve("bench/target/bench/search");
		Files.createDirectories(work);
		Engines engines = TestEngines.get();
		// GET / lives in a module the native stack leaves out; the nodes API says the same
		String esVersion = JSON.readTree(get(engines.elasticsearchUrl() + "/_nodes/_local?filter_path=nodes.*.version"))
			.findValue("version")
			.asString();

		List<SizeResult> results = new ArrayList<>();
		for (int listings : sizes) {
			try (LoadedDirectory directory = LoadedDirectory.start(root, engines, listings, DIRECTORY_PORT);
					ServiceProcess gateway = ServiceProcess.of(root, "gateway", GATEWAY_PORT, "512m",
							gatewayProperties(engines, directory), work.resolve("gateway-" + listings + ".log"))) {
				gateway.start(Duration.ofMinutes(3), t -> log("gateway starting, %d s", t));
				Thread.sleep(2000); // the gateway's first health round finds the instance
				List<List<EsRequest>> esRequests = new ArrayList<>();
				for (String q : SuggestBenchmark.QUERIES) {
					esRequests.add(capture(engines, directory, q));
				}
				log("captured %d Elasticsearch requests for %d searches", esRequests.stream().mapToInt(List::size).sum(),
						esRequests.size());
				Map<String, Path> scripts = new LinkedHashMap<>();
				scripts.put("gateway", Wrk.script(work.resolve("gateway.lua"), searchUrls()));
				scripts.put("directory-service", Wrk.script(work.resolve("direct.lua"), searchUrls()));
				scripts.put("elasticsearch", Wrk.esScript(work.resolve("elasticsearch.lua"), esRequests));
				Map<String, String> targets = Map.of("gateway", gateway.url(), "directory-service",
						directory.service().url(), "elasticsearch", engines.elasticsearchUrl());
				List<Run> runs = new ArrayList<>();
				for (String path : scripts.keySet()) {
					// a freshly started gateway needs about a minute of traffic before its JIT has compiled the proxy
					// path (profiled: ~12 ms CPU per search at first, ~4 ms warm); every path gets the same warm-up
					Wrk.run(path, targets.get(path), scripts.get(path), 8, WARM_UP_SECONDS); // not reported
					for (int clients : CLIENTS) {
						Run run = Wrk.run(path, targets.get(path), scripts.get(path), clients, seconds);
						log("%,d listings, %s, %d client(s): %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d errors",
								listings, path, clients, run.perSecond(), run.p50(), run.p95(), run.p99(), run.errors());
						if (run.errors() > 0) {
							throw new IllegalStateException(path + " answered " + run.errors() + " errors; see "
									+ gateway.log() + " and " + directory.service().log());
						}
						runs.add(run);
					}
				}
				List<Run> parts = new ArrayList<>();
				for (String part : PARTS) {
					List<List<EsRequest>> without = esRequests.stream()
						.map(search -> search.stream().map(r -> r.without(part)).toList())
						.toList();
					Run run = Wrk.run("without " + part, engines.elasticsearchUrl(),
							Wrk.esScript(work.resolve("elasticsearch-without-" + part + ".lua"), without), 1, seconds);
					log("%,d listings, Elasticsearch without %s, 1 client: %.0f req/s, p50 %.1f ms", listings, part,
							run.perSecond(), run.p50());
					parts.add(run);
				}
				results.add(new SizeResult(listings, directory.loadSeconds(), runs, parts));
			}
		}
		write(root.resolve("docs/benchmarks.md"), results, seconds, wrkVersion, esVersion);
	}

	private static Map<String, String> gatewayProperties(Engines engines, LoadedDirectory directory) {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("wrd.gateway.directory-uri", directory.service().url());
		// matching and metrics are not part of this benchmark; nothing answers there
		p.put("wrd.gateway.matching-uri", "http://127.0.0.1:18193");
		p.put("wrd.gateway.metrics-uri", "http://127.0.0.1:18194");
		p.put("wrd.gateway.keycloak.issuer", engines.issuer());
		// the limiter still runs (its cost is part of the path); it just never says no to the load tool
		p.put("wrd.gateway.rate-limits.defaults.anonymous-per-minute", "1000000000");
		p.put("wrd.gateway.rate-limits.routes.directory.anonymous-per-minute", "1000000000");
		return p;
	}

	private static List<String> searchUrls() {
		return SuggestBenchmark.QUERIES.stream()
			.map(q -> "/api/directory/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
			.toList();
	}

	/**
	 * Sends one search to directory-service with Elasticsearch's search slow log at 0 ms for the bench index, and
	 * reads back the request bodies it logged: exactly what the service asked Elasticsearch. Checks each one answers
	 * the same number of hits when sent straight to Elasticsearch.
	 */
	private static List<EsRequest> capture(Engines engines, LoadedDirectory directory, String q) throws Exception {
		String es = engines.elasticsearchUrl();
		JsonNode node = JSON.readTree(get(es + "/_nodes/_local/settings?filter_path=nodes.*.settings.path.logs,nodes.*.settings.cluster.name"))
			.path("nodes");
		JsonNode settings = node.properties().iterator().next().getValue().path("settings");
		Path slowlog = Path.of(settings.path("path").path("logs").asString())
			.resolve(settings.path("cluster").path("name").asString() + "_index_search_slowlog.json");
		setSlowlog(es, directory.alias(), "\"0ms\"");
		try {
			long from = Files.exists(slowlog) ? Files.size(slowlog) : 0;
			String url = directory.service().url() + "/api/directory/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
			long total = JSON.readTree(get(url)).path("total").asLong();
			List<String> sources = new ArrayList<>();
			for (int i = 0; i < 40 && (sources.isEmpty() || i < 5); i++) {
				Thread.sleep(100); // the slow log is written asynchronously
				sources = sources(slowlog, from, directory.alias());
			}
			if (sources.isEmpty()) {
				throw new IllegalStateException("no search slow log entry for '" + q + "' in " + slowlog);
			}
			List<EsRequest> requests = sources.stream()
				.map(s -> new EsRequest("/" + directory.alias() + "/_search", "application/json", s))
				.toList();
			if (requests.size() == 1) {
				long direct = JSON.readTree(post(es + requests.get(0).path(), requests.get(0).body()))
					.path("hits").path("total").path("value").asLong(-1);
				if (direct != total) {
					throw new IllegalStateException("'" + q + "': the service found " + total
							+ " but its Elasticsearch request, resent, found " + direct);
				}
			}
			return requests;
		}
		finally {
			setSlowlog(es, directory.alias(), "null");
		}
	}

	private static List<String> sources(Path slowlog, long from, String alias) throws IOException {
		List<String> sources = new ArrayList<>();
		if (!Files.exists(slowlog)) {
			return sources;
		}
		try (RandomAccessFile file = new RandomAccessFile(slowlog.toFile(), "r")) {
			file.seek(from);
			byte[] bytes = new byte[(int) (file.length() - from)];
			file.readFully(bytes);
			for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || !line.contains(alias)) {
					continue;
				}
				JsonNode entry = JSON.readTree(line);
				String source = entry.path("elasticsearch.slowlog.source").asString("");
				if (source.startsWith("{\\\"")) {
					// the slow log escapes the request once more inside its own JSON
					source = JSON.readTree("\"" + source + "\"").asString();
				}
				if (!source.isEmpty()) {
					sources.add(source);
				}
			}
		}
		return sources;
	}

	private static void setSlowlog(String es, String alias, String threshold) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(es + "/" + alias + "/_settings"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"index.search.slowlog.threshold.query.trace\":" + threshold + "}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("slow log settings: " + response.statusCode() + " " + response.body());
		}
	}

	private static String get(String url) throws Exception {
		HttpResponse<String> response = HTTP
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static String post(String url, String body) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static void write(Path file, List<SizeResult> results, int seconds, String wrkVersion, String esVersion)
			throws IOException {
		StringBuilder s = new StringBuilder();
		s.append("## Search: gateway and directory-service against Elasticsearch alone\n\n");
		s.append(String.format(Locale.ROOT,
				"Measured %s on this machine (%s; load tool, services and engines share its cores), Elasticsearch %s, "
						+ "wrk %s (`bench/run search`). The same 20 searches (\"welding\", \"daycare near me\", "
						+ "\"soldadura\", a misspelling, ...) go through the gateway, straight to directory-service, and "
						+ "as the exact Elasticsearch requests directory-service sends for them (read from Elasticsearch's "
						+ "search slow log, resent to `_search`; each one checked to find the same number of hits). "
						+ "Each run lasts %d s after a " + WARM_UP_SECONDS + " s warm-up of that path (8 clients), with 1 and 8 concurrent keep-alive connections. The "
						+ "gateway path includes its rate limiter, circuit breaker and retry filters; directory-service "
						+ "also maps hits to results and records the search's engagement event.%n%n",
				LocalDate.now(), LoadedDirectory.machine(), esVersion, wrkVersion, seconds));
		s.append("| listings | path | clients | req/s | p50 ms | p95 ms | p99 ms | max ms | p50 vs ES | req/s vs ES |\n");
		s.append("|---|---|---|---|---|---|---|---|---|---|\n");
		for (SizeResult r : results) {
			for (Run run : r.runs()) {
				Run es = r.find("elasticsearch", run.clients());
				s.append(String.format(Locale.ROOT, "| %,d | %s | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %.2fx | %.2fx |%n",
						r.listings(), run.path(), run.clients(), run.perSecond(), run.p50(), run.p95(), run.p99(),
						run.max(), run.p50() / es.p50(), run.perSecond() / es.perSecond()));
			}
		}
		s.append("\n\"p50 vs ES\" is the path's median latency over Elasticsearch's; \"req/s vs ES\" its throughput "
				+ "over Elasticsearch's (1.00x would mean the suite adds nothing).\n");
		if (results.size() > 1) {
			SizeResult small = results.get(0);
			SizeResult large = results.get(results.size() - 1);
			s.append(String.format(Locale.ROOT, "%nHow cost grows from %,d to %,d listings (%.0fx the data), p50 at 1 client:",
					small.listings(), large.listings(), (double) large.listings() / small.listings()));
			for (String path : List.of("gateway", "directory-service", "elasticsearch")) {
				s.append(String.format(Locale.ROOT, " %s %.1f → %.1f ms (%.2fx);", path, small.find(path, 1).p50(),
						large.find(path, 1).p50(), large.find(path, 1).p50() / small.find(path, 1).p50()));
			}
			s.setLength(s.length() - 1);
			s.append(".\n");
		}
		s.append("\nWhere Elasticsearch's time goes: the same requests, 1 client, each sent without one of its parts "
				+ "(the facet counts, the highlighted snippets, the spelling suggestions). What a part costs is the "
				+ "full request's p50 minus the p50 without it.\n\n");
		s.append("| listings | request | req/s | p50 ms | p95 ms | part's share of p50 |\n|---|---|---|---|---|---|\n");
		for (SizeResult r : results) {
			Run full = r.find("elasticsearch", 1);
			s.append(String.format(Locale.ROOT, "| %,d | full request | %.0f | %.1f | %.1f | |%n", r.listings(),
					full.perSecond(), full.p50(), full.p95()));
			for (Run part : r.parts()) {
				s.append(String.format(Locale.ROOT, "| %,d | %s | %.0f | %.1f | %.1f | %.0f%% |%n", r.listings(),
						part.path(), part.perSecond(), part.p50(), part.p95(),
						Math.max(0, 100 * (full.p50() - part.p50()) / full.p50())));
			}
		}
		for (int clients : CLIENTS) {
			s.append("\n```mermaid\nxychart-beta\n  title \"p50 ms with ").append(clients)
				.append(clients == 1 ? " client" : " clients")
				.append(": gateway, directory-service, Elasticsearch (per listing count)\"\n  x-axis [");
			List<String> labels = new ArrayList<>();
			List<String> values = new ArrayList<>();
			for (SizeResult r : results) {
				for (String path : List.of("gateway", "directory-service", "elasticsearch")) {
					labels.add(String.format(Locale.ROOT, "\"%dk %s\"", r.listings() / 1000,
							path.equals("directory-service") ? "direct" : path.equals("elasticsearch") ? "ES" : "gateway"));
					values.add(String.format(Locale.ROOT, "%.1f", r.find(path, clients).p50()));
				}
			}
			double top = results.stream().flatMap(r -> r.runs().stream()).filter(r -> r.clients() == clients)
				.mapToDouble(Run::p50).max().orElse(1);
			s.append(String.join(", ", labels)).append("]\n  y-axis \"ms\" 0 --> ").append((int) Math.ceil(top * 1.2 + 1));
			s.append("\n  bar [").append(String.join(", ", values)).append("]\n```\n");
		}
		if (results.stream().noneMatch(r -> r.listings() >= 1_000_000)) {
			s.append("\nNot measured here: 1,000,000 listings. Loading goes through the service's sample-data loader at "
				+ "about 770 listings/s on this machine (see the HSDS import below), so one load takes over 20 minutes; "
				+ "`bench/run search 1000000` runs it where there is time.\n");
		}
		BenchFiles.writeSection(file, "search-ratio-benchmark", s.toString());
	}

	private static void log(String format, Object... args) {
		System.out.printf("bench: " + format + "%n", args);
	}

}
