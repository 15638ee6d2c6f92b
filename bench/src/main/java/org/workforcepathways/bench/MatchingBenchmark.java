package org.workforcepathways.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.workforcepathways.testsupport.Engines;
import org.workforcepathways.testsupport.ServiceProcess;
import org.workforcepathways.testsupport.TestEngines;

/**
 * Matching latency against a single directory search, in the same run: directory-service with the demo directory and
 * matching-service, both from their jars on the real engines; one client alternates an intake
 * ({@code POST /api/matching/intakes}, which reads the directory several times in parallel) and the one directory
 * search a person would otherwise make ({@code GET /api/directory/search?category=welding&zip=60617&radiusMiles=10}).
 * Writes the figures to {@code docs/benchmarks.md}.
 *
 * <p>
 * Usage (from the repository root): {@code bench/run matching [requests]}
 */
public final class MatchingBenchmark {

	private static final List<String> INTAKES = List.of("""
			{"intake": {"interests": {"r1": 2, "r2": 2, "c1": 1}, "education": "ged", "experience": ["welding"],
			 "travel": {"zip": "60617", "radiusMiles": 10}, "when": ["evening"], "barriers": ["childcare"]}}""", """
			{"intake": {"interests": {"i1": 2, "i2": 2, "c2": 2}, "education": "hs_diploma", "experience": [],
			 "travel": {"zip": "60633", "radiusMiles": 15}, "when": ["day"], "barriers": ["transportation", "record"]}}""", """
			{"intake": {"interests": {"r2": 2, "e1": 1, "s2": 2}, "education": "none", "experience": ["warehouse"],
			 "travel": {"zip": "46320", "radiusMiles": 20}, "when": ["weekend", "evening"], "needsPay": true,
			 "barriers": ["language"], "languages": ["es"], "language": "es"}}""");

	private MatchingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int requests = args.length > 0 ? Integer.parseInt(args[0]) : 600;
		Path root = Path.of(System.getProperty("wrd.root", ".")).toAbsolutePath().normalize();
		Path work = root.resolve("bench/target/bench");
		Files.createDirectories(work);
		Engines engines = TestEngines.get();
		BenchFiles.fresh(engines, List.of("directory_bench_matching", "matching_bench"), List.of("listings-bench-matching"));

		Map<String, String> directoryProps = new LinkedHashMap<>(engines.serviceProperties("directory_bench_matching"));
		directoryProps.put("directory.index.alias", "listings-bench-matching");
		directoryProps.put("directory.demo-data", root.resolve("infra/demo-data/calumet-listings.json").toUri().toString());
		int directoryPort = 18193;
		Map<String, String> matchingProps = new LinkedHashMap<>(engines.serviceProperties("matching_bench"));
		matchingProps.put("spring.http.serviceclient.directory.base-url", "http://127.0.0.1:" + directoryPort);
		try (ServiceProcess directory = ServiceProcess.of(root, "directory-service", directoryPort, "512m", directoryProps,
				work.resolve("matching-bench-directory.log"));
				ServiceProcess matching = ServiceProcess.of(root, "matching-service", 18194, "512m", matchingProps,
						work.resolve("matching-bench-matching.log"))) {
			directory.start(Duration.ofMinutes(5), s -> log("%d s: directory starting", s));
			matching.start(Duration.ofMinutes(5), s -> log("%d s: matching starting", s));
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			String search = directory.url() + "/api/directory/search?category=welding&zip=60617&radiusMiles=10&size=30";
			String intake = matching.url() + "/api/matching/intakes";
			// warm both up, then measure them interleaved so both see the same machine
			run(http, search, intake, 100);
			List<Long>[] measured = run(http, search, intake, requests);
			SuggestBenchmark.Latencies s = SuggestBenchmark.Latencies.of("one directory search", measured[0]);
			SuggestBenchmark.Latencies m = SuggestBenchmark.Latencies.of("intake matched (parallel directory reads)", measured[1]);
			log("%s", s);
			log("%s", m);
			write(root.resolve("docs/benchmarks.md"), requests, s, m);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Long>[] run(HttpClient http, String search, String intake, int n) throws Exception {
		List<Long> searches = new ArrayList<>(n);
		List<Long> intakes = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			long t = System.nanoTime();
			HttpResponse<String> a = http.send(HttpRequest.newBuilder(URI.create(search)).build(),
					HttpResponse.BodyHandlers.ofString());
			searches.add(System.nanoTime() - t);
			t = System.nanoTime();
			HttpResponse<String> b = http.send(HttpRequest.newBuilder(URI.create(intake))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(INTAKES.get(i % INTAKES.size())))
				.build(), HttpResponse.BodyHandlers.ofString());
			intakes.add(System.nanoTime() - t);
			if (a.statusCode() != 200 || b.statusCode() != 200 || b.body().contains("could not be reached")) {
				throw new IllegalStateException("search " + a.statusCode() + ", intake " + b.statusCode() + ": " + b.body());
			}
		}
		return new List[] { searches, intakes };
	}

	private static void write(Path file, int requests, SuggestBenchmark.Latencies search,
			SuggestBenchmark.Latencies matching) throws IOException {
		StringBuilder s = new StringBuilder();
		s.append("## Matching latency against one directory search\n\n");
		s.append(String.format(Locale.ROOT,
				"Measured %s on this machine (%d cores, Java %s) with `bench/run matching %d`: directory-service with "
						+ "the demo directory (406 listings) and matching-service from their jars on the native engines, "
						+ "called directly (no gateway) by one client that alternates an intake (three intakes in turn; "
						+ "each reads the directory for three pathways, the shared steps and each barrier, in parallel) "
						+ "and the single directory search a person would otherwise make. Ratio of p95: **%.1f x**.%n%n",
				LocalDate.now(), Runtime.getRuntime().availableProcessors(), Runtime.version().feature(), requests,
				matching.p95() / search.p95()));
		s.append("| request | n | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
		for (SuggestBenchmark.Latencies l : List.of(search, matching)) {
			s.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", l.what(), l.count(), l.p50(),
					l.p95(), l.p99(), l.max()));
		}
		s.append("\n```mermaid\nxychart-beta\n  title \"p50 and p95 latency, ms\"\n  x-axis [\"search p50\", \"search p95\", \"intake p50\", \"intake p95\"]\n  y-axis \"ms\" 0 --> ")
			.append((int) Math.ceil(matching.p95() * 1.2))
			.append(String.format(Locale.ROOT, "%n  bar [%.1f, %.1f, %.1f, %.1f]%n```%n", search.p50(), search.p95(),
					matching.p50(), matching.p95()));
		BenchFiles.writeSection(file, "matching-benchmark", s.toString());
	}

	private static void log(String format, Object... args) {
		System.out.printf("bench: " + format + "%n", args);
	}

}
