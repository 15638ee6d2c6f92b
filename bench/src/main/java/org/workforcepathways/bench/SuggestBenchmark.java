package org.workforcepathways.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.workforcepathways.testsupport.Engines;
import org.workforcepathways.testsupport.ServiceProcess;
import org.workforcepathways.testsupport.TestEngines;

/**
 * Type-ahead and search latency of directory-service at scale, on the real engines: generates N listings (default
 * 100,000), loads them through the service's own import path into a database and index of their own, then times
 * {@code /api/directory/suggest} and {@code /api/directory/search} from one client, as a phone would call them.
 * Writes the figures to {@code docs/benchmarks.md}.
 *
 * <p>
 * Usage (from the repository root): {@code bench/run suggest [listings] [requests]}
 */
public final class SuggestBenchmark {

	/** What people start typing: two to six letters of the region's common searches. */
	private static final List<String> PREFIXES = List.of("we", "wel", "weld", "weldi", "cn", "cnc", "mac", "mach",
			"machi", "fo", "fork", "forkl", "ch", "chi", "child", "da", "day", "dayc", "gu", "gua", "guard", "so", "sol",
			"sold", "el", "ele", "elec", "ma", "mai", "main", "ap", "app", "appr", "tr", "tra", "tran", "ho", "hou",
			"hous", "le", "leg", "legal", "ge", "ged", "es", "esl", "en", "eng", "engl", "tru", "truck", "qu", "qua",
			"qual", "as", "ass", "assem", "man", "manu", "hv", "hva", "hvac", "pl", "plu", "plum", "ca", "cal",
			"calu", "cdl", "bu", "bus", "st", "ste", "stee", "pi", "pip", "in", "ind", "indu", "te", "tec", "tech",
			"cu", "cui", "clases", "ing", "ingl", "re", "ree", "reen", "ex", "exp", "job", "jo", "sh", "sha",
			"shad", "tou", "tour", "osha", "nims");

	static final List<String> QUERIES = List.of("welding", "welder classes", "cnc", "forklift training",
			"daycare near me", "free evening training", "soldadura", "clases de ingles", "ged", "machinst training",
			"apprenticeship", "transportation help", "legal help record", "housing", "manufacturing jobs",
			"industrial maintenance", "quality inspector", "truck driving cdl", "job shadow", "plant tour");

	private SuggestBenchmark() {
	}

	record Latencies(String what, int count, double p50, double p95, double p99, double max) {

		static Latencies of(String what, List<Long> nanos) {
			long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
			return new Latencies(what, sorted.length, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
					sorted[sorted.length - 1] / 1e6);
		}

		private static double ms(long[] sorted, double q) {
			return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
		}

	}

	public static void main(String[] args) throws Exception {
		int listings = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
		Path root = Path.of(System.getProperty("wrd.root", ".")).toAbsolutePath().normalize();
		Engines engines = TestEngines.get();
		int port = 18190;
		try (LoadedDirectory directory = LoadedDirectory.start(root, engines, listings, port)) {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			double loadSeconds = directory.loadSeconds();
			double drainSeconds = directory.drainSeconds();
			String base = "http://127.0.0.1:" + port + "/api/directory/";
			time(http, base, "suggest?q=", PREFIXES, 300);
			Latencies suggest = Latencies.of("suggest", time(http, base, "suggest?q=", PREFIXES, requests));
			time(http, base, "search?q=", QUERIES, 100);
			Latencies search = Latencies.of("search", time(http, base, "search?q=", QUERIES, Math.max(200, requests / 4)));
			Latencies geo = Latencies.of("search, ZIP 60617 within 10 miles",
					time(http, base, "search?zip=60617&radiusMiles=10&q=", QUERIES, Math.max(200, requests / 4)));
			log("%s", suggest);
			log("%s", search);
			log("%s", geo);
			write(root.resolve("docs/benchmarks.md"), listings, loadSeconds, drainSeconds, List.of(suggest, search, geo));
		}
	}

	private static List<Long> time(HttpClient http, String base, String path, List<String> inputs, int n)
			throws Exception {
		List<Long> nanos = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			String q = URLEncoder.encode(inputs.get(i % inputs.size()), StandardCharsets.UTF_8);
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + path + q)).build();
			long t = System.nanoTime();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			nanos.add(System.nanoTime() - t);
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + q + " answered " + response.statusCode() + ": " + response.body());
			}
		}
		return nanos;
	}

	/** Replaces this benchmark's section of docs/benchmarks.md, keeping the others. */
	private static void write(Path file, int listings, double loadSeconds, double drainSeconds, List<Latencies> results)
			throws IOException {
		StringBuilder s = new StringBuilder();
		s.append(String.format(Locale.ROOT, "## Type-ahead and search at %,d listings%n%n", listings));
		s.append(String.format(Locale.ROOT,
				"Measured %s on this machine (%s), one client calling directory-service "
						+ "directly (no gateway) on the native engines. Generated data: `bench/run suggest %d` "
						+ "(demo shapes, %,d organizations). Loading it through the service's import path and "
						+ "indexing took **%.0f s** (%.0f listings/s); relaying the %,d listing-changed events it left in the outbox "
						+ "to Kafka was done %.0f s after start. Latencies are measured after that, at steady state.%n%n",
				LocalDate.now(), LoadedDirectory.machine(), listings, Math.max(1, listings / 40),
				loadSeconds, listings / loadSeconds, listings, drainSeconds));
		s.append("| request | n | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
		for (Latencies l : results) {
			s.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", l.what(), l.count(), l.p50(),
					l.p95(), l.p99(), l.max()));
		}
		s.append("\n```mermaid\nxychart-beta\n  title \"p95 latency, ms (goal for suggest: under 50)\"\n  x-axis [");
		s.append(String.join(", ", results.stream().map(l -> "\"" + l.what() + "\"").toList()));
		s.append("]\n  y-axis \"ms\" 0 --> ")
			.append((int) Math.max(60, Math.ceil(results.stream().mapToDouble(Latencies::p95).max().orElse(0) * 1.2)));
		s.append("\n  bar [");
		s.append(String.join(", ", results.stream().map(l -> String.format(Locale.ROOT, "%.1f", l.p95())).toList()));
		s.append("]\n  line [50, 50, 50]\n```\n");
		BenchFiles.writeSection(file, "suggest-benchmark", s.toString());
	}

	private static void log(String format, Object... args) {
		System.out.printf("bench: " + format + "%n", args);
	}

}
