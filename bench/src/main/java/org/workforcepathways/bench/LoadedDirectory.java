package org.workforcepathways.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.workforcepathways.testsupport.Engines;
import org.workforcepathways.testsupport.ServiceProcess;

/**
 * A directory-service holding N generated listings in a database and index of their own, loaded through the
 * service's own import path, with the listing-changed events that leaves in the outbox relayed to Kafka, so that
 * what is measured afterwards is the steady state.
 *
 * @param service the running service (close it to stop)
 * @param alias the index alias it searches
 * @param loadSeconds from start to ready (import and indexing included)
 * @param drainSeconds from start until the outbox was empty
 */
record LoadedDirectory(ServiceProcess service, String alias, double loadSeconds, double drainSeconds)
		implements AutoCloseable {

	static LoadedDirectory start(Path root, Engines engines, int listings, int port) throws Exception {
		Path work = root.resolve("bench/target/bench");
		Files.createDirectories(work);
		String database = "directory_bench_" + listings;
		String alias = "listings-bench-" + listings;
		BenchFiles.fresh(engines, List.of(database), List.of(alias));

		Path data = work.resolve("listings-" + listings + ".json");
		if (!Files.exists(data)) {
			long t = System.nanoTime();
			try (OutputStream out = Files.newOutputStream(data)) {
				new ListingGenerator(root.resolve("infra/demo-data/calumet-listings.json")).write(listings, out, 42);
			}
			log("generated %,d listings (%,d MB) in %.1f s", listings, Files.size(data) >> 20,
					(System.nanoTime() - t) / 1e9);
		}

		Map<String, String> properties = new LinkedHashMap<>(engines.serviceProperties(database));
		properties.put("directory.index.alias", alias);
		properties.put("directory.demo-data", data.toUri().toString());
		Path serviceLog = work.resolve("directory-service-" + listings + ".log");
		Files.deleteIfExists(serviceLog);
		// the sample-data loader reads its whole file before saving it: a million listings need a bigger heap
		String heap = listings > 200_000 ? "8g" : "1g";
		ServiceProcess service = ServiceProcess.of(root, "directory-service", port, heap, properties, serviceLog);
		Instant started = Instant.now();
		try {
			service.start(Duration.ofHours(3), seconds -> log("%d s: %s", seconds, lastProgress(serviceLog)));
			double loadSeconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
			log("directory-service ready with %,d listings after %.0f s", listings, loadSeconds);
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			double pending;
			while ((pending = outboxPending(http, service.url())) > 0) {
				log("outbox: %.0f events still to relay to Kafka", pending);
				Thread.sleep(10_000);
			}
			double drainSeconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
			log("outbox drained %.0f s after start", drainSeconds);
			return new LoadedDirectory(service, alias, loadSeconds, drainSeconds);
		}
		catch (Exception | Error ex) {
			service.close();
			throw ex;
		}
	}

	@Override
	public void close() {
		service.close();
	}

	/** The service's {@code wrd.outbox.pending} gauge. */
	private static double outboxPending(HttpClient http, String url) throws Exception {
		String metrics = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		return metrics.lines()
			.filter(l -> l.startsWith("wrd_outbox_pending"))
			.mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElse(0);
	}

	/** The service's latest progress line ("directory import: 20000 of 100000 ..."). */
	private static String lastProgress(Path serviceLog) {
		String last = "starting";
		try (Stream<String> lines = Files.lines(serviceLog)) {
			for (String line : (Iterable<String>) lines::iterator) {
				int at = line.indexOf("\"message\":\"directory import:");
				if (at < 0) {
					at = line.indexOf("\"message\":\"search projection:");
				}
				if (at >= 0) {
					last = line.substring(at + 11, line.indexOf('"', at + 11));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// progress is only for the console
		}
		return last;
	}

	/** This machine, for the report: cores, GiB of RAM and the Java version. */
	static String machine() {
		return "%d cores, %d GiB RAM, Java %s".formatted(Runtime.getRuntime().availableProcessors(),
				Math.round(osMemoryGiB()), Runtime.version().feature());
	}

	private static double osMemoryGiB() {
		try {
			String line = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
			return Long.parseLong(Arrays.stream(line.split("\\s+")).filter(p -> p.matches("\\d+")).findFirst()
				.orElse("0")) / 1024.0 / 1024.0;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private static void log(String format, Object... args) {
		System.out.printf("bench: " + format + "%n", args);
	}

}
