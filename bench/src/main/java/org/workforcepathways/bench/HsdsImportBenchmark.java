package org.workforcepathways.bench;

import java.io.IOException;
import java.io.OutputStream;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.workforcepathways.testsupport.Engines;
import org.workforcepathways.testsupport.ServiceProcess;
import org.workforcepathways.testsupport.TestEngines;
import org.workforcepathways.testsupport.Tokens;

/**
 * HSDS 3.0 import throughput on the real engines: generates N listings, loads them into one directory, exports them
 * as HSDS JSON through the export endpoint, then imports that file into an empty directory through the import
 * endpoint and times it (schema check, rules, writes with history and outbox, indexing), then imports it again
 * (every record unchanged). Writes the figures to {@code docs/benchmarks.md}.
 *
 * <p>
 * Usage (from the repository root): {@code bench/run hsds [listings]}
 */
public final class HsdsImportBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HsdsImportBenchmark() {
	}

	record Run(String what, int records, double seconds, Map<String, Integer> counts) {

		double perSecond() {
			return records / seconds;
		}

	}

	public static void main(String[] args) throws Exception {
		int listings = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		Path root = Path.of(System.getProperty("wrd.root", ".")).toAbsolutePath().normalize();
		Path work = root.resolve("bench/target/bench");
		Files.createDirectories(work);
		Engines engines = TestEngines.get();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

		Path data = work.resolve("listings-" + listings + ".json");
		if (!Files.exists(data)) {
			try (OutputStream out = Files.newOutputStream(data)) {
				new ListingGenerator(root.resolve("infra/demo-data/calumet-listings.json")).write(listings, out, 42);
			}
		}
		Path hsds = work.resolve("hsds-" + listings + ".json");
		String source = "directory_hsds_source_" + listings;
		fresh(engines, http, source, "listings-hsds-source");
		Map<String, String> properties = new LinkedHashMap<>(engines.serviceProperties(source));
		properties.put("directory.index.alias", "listings-hsds-source");
		properties.put("directory.demo-data", data.toUri().toString());
		try (ServiceProcess service = ServiceProcess.of(root, "directory-service", 18191, "1g", properties,
				work.resolve("hsds-source.log"))) {
			service.start(Duration.ofHours(1), seconds -> log("%d s: loading %,d generated listings", seconds, listings));
			long t = System.nanoTime();
			HttpResponse<Path> export = http.send(HttpRequest.newBuilder(URI.create(service.url() + "/api/directory/hsds/export"))
				.header("Authorization", "Bearer " + Tokens.accessToken("admin@demo.wrd"))
				.build(), HttpResponse.BodyHandlers.ofFile(hsds));
			if (export.statusCode() != 200) {
				throw new IllegalStateException("export answered " + export.statusCode());
			}
			log("exported %,d listings as HSDS (%,d MB) in %.1f s", listings, Files.size(hsds) >> 20,
					(System.nanoTime() - t) / 1e9);
		}

		String target = "directory_hsds_target_" + listings;
		fresh(engines, http, target, "listings-hsds-target");
		properties = new LinkedHashMap<>(engines.serviceProperties(target));
		properties.put("directory.index.alias", "listings-hsds-target");
		Run first;
		Run again;
		try (ServiceProcess service = ServiceProcess.of(root, "directory-service", 18192, "1g", properties,
				work.resolve("hsds-target.log"))) {
			service.start(Duration.ofMinutes(5), seconds -> log("%d s: starting", seconds));
			first = importFile(http, service.url(), hsds, "first import into an empty directory");
			again = importFile(http, service.url(), hsds, "the same file again (all unchanged)");
		}
		log("%s", first);
		log("%s", again);
		// one search document per service and location: the imported directory must index what the exported one did
		long indexed = count(http, engines.elasticsearchUrl(), "listings-hsds-target");
		long exported = count(http, engines.elasticsearchUrl(), "listings-hsds-source");
		if (indexed != exported) {
			throw new IllegalStateException("the import finished with " + indexed + " search documents in the index; "
					+ "the exported directory had " + exported);
		}
		log("%,d search documents for %,d services (one per service and location), as in the exported directory",
				indexed, first.records());
		RawBulk.Result bulk = RawBulk.copy(engines.elasticsearchUrl(), "listings-hsds-target", "listings-hsds-rawbulk");
		log("Elasticsearch alone: _bulk of the same %,d documents (%,d MB) in %.1f s, %.0f/s", bulk.documents(),
				bulk.bytes() >> 20, bulk.seconds(), bulk.perSecond());
		write(root.resolve("docs/benchmarks.md"), listings, Files.size(hsds), List.of(first, again), bulk);
	}

	private static Run importFile(HttpClient http, String url, Path file, String what) throws Exception {
		String token = Tokens.accessToken("admin@demo.wrd");
		long t = System.nanoTime();
		HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(url + "/api/directory/hsds/imports?source=bench"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofFile(file))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (started.statusCode() != 202) {
			throw new IllegalStateException("import answered " + started.statusCode() + ": " + started.body());
		}
		String progress = JSON.readTree(started.body()).get("progress").asString();
		while (true) {
			Thread.sleep(1000);
			JsonNode run = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url + progress))
				.header("Authorization", "Bearer " + Tokens.accessToken("admin@demo.wrd"))
				.build(), HttpResponse.BodyHandlers.ofString()).body());
			String state = run.get("state").asString();
			log("%s: %s, %d of %d", what, state, run.get("processed").asInt(), run.path("total").asInt());
			if (state.equals("finished") || state.equals("failed")) {
				double seconds = (System.nanoTime() - t) / 1e9;
				Map<String, Integer> counts = new LinkedHashMap<>();
				run.get("counts").properties().forEach(e -> counts.put(e.getKey(), e.getValue().asInt()));
				if (state.equals("failed")) {
					throw new IllegalStateException("import failed: " + run.get("failure"));
				}
				return new Run(what, run.get("total").asInt(), seconds, counts);
			}
		}
	}

	private static long count(HttpClient http, String es, String alias) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(es + "/" + alias + "/_count")).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(alias + "/_count answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body()).path("count").asLong();
	}

	private static void fresh(Engines engines, HttpClient http, String database, String alias) throws Exception {
		BenchFiles.fresh(engines, List.of(database), List.of(alias));
	}

	private static void write(Path file, int listings, long bytes, List<Run> runs, RawBulk.Result bulk)
			throws IOException {
		StringBuilder s = new StringBuilder();
		s.append(String.format(Locale.ROOT, "## HSDS 3.0 import of %,d services%n%n", listings));
		s.append(String.format(Locale.ROOT,
				"Measured %s on this machine (%d cores, Java %s) with `bench/run hsds %d`: %,d generated listings "
						+ "exported through `GET /api/directory/hsds/export` (%,d MB of nested HSDS JSON), then imported "
						+ "through `POST /api/directory/hsds/imports` into an empty directory, timed from upload to the "
						+ "run's `finished` (each record checked against the official schema and the directory's rules, "
						+ "written with its history entry, outbox event and HSDS record, indexed).%n%n",
				LocalDate.now(), Runtime.getRuntime().availableProcessors(), Runtime.version().feature(), listings,
				listings, bytes >> 20));
		s.append("| run | records | seconds | records/s | outcome |\n|---|---|---|---|---|\n");
		for (Run r : runs) {
			s.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.0f | %s |%n", r.what(), r.records(), r.seconds(),
					r.perSecond(), r.counts()));
		}
		s.append(String.format(Locale.ROOT, "| Elasticsearch alone: `_bulk` of the same search documents (one per service and location) | %,d | %.1f | %.0f | "
				+ "%,d MB in %,d requests of 1,000, then a refresh |%n", bulk.documents(), bulk.seconds(),
				bulk.perSecond(), bulk.bytes() >> 20, (bulk.documents() + 999) / 1000));
		Run first = runs.get(0);
		s.append(String.format(Locale.ROOT, "%nThe first import takes %.1fx the time of Elasticsearch indexing the same "
				+ "documents by itself (`_bulk` of the documents the import indexed, read back from its index into a new "
				+ "index with the same settings and mapping). The difference is what the import does besides indexing: "
				+ "parsing and checking each nested HSDS record against the schema and the directory's rules, and writing "
				+ "each batch to PostgreSQL with every listing's history entry, outbox event and stored HSDS record.%n",
				first.seconds() / bulk.seconds()));
		List<Double> perSecond = new java.util.ArrayList<>(runs.stream().map(Run::perSecond).toList());
		perSecond.add(bulk.perSecond());
		s.append("\n```mermaid\nxychart-beta\n  title \"HSDS import vs raw _bulk, records per second\"\n  x-axis [\"first import\", \"again, unchanged\", \"ES _bulk alone\"]\n  y-axis \"records/s\" 0 --> ")
			.append((int) Math.ceil(perSecond.stream().mapToDouble(Double::doubleValue).max().orElse(1) * 1.2))
			.append("\n  bar [")
			.append(String.join(", ", perSecond.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList()))
			.append("]\n```\n");
		BenchFiles.writeSection(file, "hsds-import-benchmark", s.toString());
	}

	private static void log(String format, Object... args) {
		System.out.printf("bench: " + format + "%n", args);
	}

}
