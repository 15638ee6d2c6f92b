package org.workforcepathways.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A whole stack: four engines, then four services. {@code dev} is what {@code ./wrd up} runs; {@code test} is what
 * {@code ./wrd test} and the test-support API run, on other ports and in another folder.
 */
public final class Stack {

	private final StackContext ctx;

	private final Postgres postgres;

	private final Elasticsearch elasticsearch;

	private final Kafka kafka;

	private final Keycloak keycloak;

	public Stack(StackContext ctx) {
		this.ctx = ctx;
		this.postgres = new Postgres(ctx);
		this.elasticsearch = new Elasticsearch(ctx);
		this.kafka = new Kafka(ctx);
		this.keycloak = new Keycloak(ctx);
	}

	public static Stack named(String name) {
		return new Stack(new StackContext(Layout.discover(), name, System::getenv));
	}

	public StackContext context() {
		return ctx;
	}

	public List<Part> engines() {
		return List.of(postgres, elasticsearch, kafka, keycloak);
	}

	/** Where the services find the engines: this stack's own, or any others (e.g. containers in tests). */
	public record Endpoints(String postgresUrl, String elasticsearchUrl, String kafkaBootstrap, String keycloakUrl) {

		String jdbc(String db) {
			return postgresUrl + db;
		}

		String issuer() {
			return keycloakUrl + "/realms/" + Keycloak.REALM;
		}

	}

	public Endpoints endpoints() {
		Map<String, String> env = enginesEnv();
		return new Endpoints(env.get("WRD_POSTGRES_URL"), env.get("WRD_ELASTICSEARCH_URL"), env.get("WRD_KAFKA_BOOTSTRAP"),
				env.get("WRD_KEYCLOAK_URL"));
	}

	public List<Part> services() {
		return services(endpoints());
	}

	public List<Part> services(Endpoints e) {
		Ports p = ctx.ports();
		Path demo = ctx.layout().root().resolve("infra/demo-data/calumet-listings.json");
		var directory = new SpringService(ctx, "directory-service", p.directory(),
				ordered("spring.datasource.url", e.jdbc("directory"), "spring.datasource.username", "directory",
						"spring.datasource.password", "directory", "spring.elasticsearch.uris", e.elasticsearchUrl(),
						"spring.kafka.bootstrap-servers", e.kafkaBootstrap(),
						"spring.security.oauth2.resourceserver.jwt.issuer-uri", e.issuer(), "directory.demo-data",
						demo.toUri().toString(), "directory.demo-outcomes",
						demo.resolveSibling("calumet-outcomes.csv").toUri().toString()));
		var matching = new SpringService(ctx, "matching-service", p.matching(),
				ordered("spring.datasource.url", e.jdbc("matching"), "spring.datasource.username", "matching",
						"spring.datasource.password", "matching", "spring.kafka.bootstrap-servers", e.kafkaBootstrap(),
						"spring.security.oauth2.resourceserver.jwt.issuer-uri", e.issuer(),
						"spring.http.serviceclient.directory.base-url", "http://127.0.0.1:" + p.directory()));
		var metrics = new SpringService(ctx, "metrics-service", p.metrics(),
				ordered("spring.datasource.url", e.jdbc("metrics"), "spring.datasource.username", "metrics",
						"spring.datasource.password", "metrics", "spring.kafka.bootstrap-servers", e.kafkaBootstrap(),
						"spring.kafka.streams.state-dir", ctx.dir().resolve("metrics-service/streams").toString(),
						"spring.security.oauth2.resourceserver.jwt.issuer-uri", e.issuer(), "metrics.demo-campaign",
						"true", "metrics.directory-url", "http://localhost:" + p.gateway() + "/", "metrics.public-url",
						"http://localhost:" + p.gateway()));
		var gateway = new SpringService(ctx, "gateway", p.gateway(),
				ordered("wrd.gateway.directory-uri", "http://127.0.0.1:" + p.directory(), "wrd.gateway.matching-uri",
						"http://127.0.0.1:" + p.matching(), "wrd.gateway.metrics-uri", "http://127.0.0.1:" + p.metrics(),
						"wrd.gateway.keycloak.issuer", e.issuer()));
		return List.of(directory, matching, metrics, gateway);
	}

	public List<Part> all() {
		List<Part> all = new ArrayList<>(engines());
		all.addAll(services());
		return all;
	}

	private static Map<String, String> ordered(String... kv) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put(kv[i], kv[i + 1]);
		}
		return m;
	}

	/** Starts the engines (those not running yet) and waits until each is healthy. */
	public void upEngines(Consumer<String> progress) {
		startAll(engines(), progress);
		writeEnginesEnv();
	}

	public void upServices(Consumer<String> progress) {
		startAll(services(), progress);
	}

	/** Starts the services against engines that are not this stack's own (tests on containers). */
	public void upServices(Endpoints endpoints, Consumer<String> progress) {
		startAll(services(endpoints), progress);
	}

	/** Stops the services only, leaving the engines running. */
	public void downServices() {
		services().reversed().forEach(Part::stop);
	}

	// Starting in parallel overlaps the engines' JVM warm-up; each part then reports when it is healthy.
	private void startAll(List<Part> parts, Consumer<String> progress) {
		try (ExecutorService pool = Executors.newFixedThreadPool(parts.size())) {
			List<Future<?>> futures = new ArrayList<>();
			for (Part part : parts) {
				futures.add(pool.submit(() -> {
					long t0 = System.nanoTime();
					boolean started = part.start();
					progress.accept(started ? "  " + part.name() + ": starting (log " + ctx.layout().root().relativize(part.logFile()) + ")"
							: "  " + part.name() + ": already running");
					part.awaitHealthy();
					if (started) {
						progress.accept("  %s: healthy after %.1f s".formatted(part.name(), (System.nanoTime() - t0) / 1e9));
					}
					return null;
				}));
			}
			List<String> failures = new ArrayList<>();
			for (Future<?> f : futures) {
				try {
					f.get();
				}
				catch (ExecutionException ex) {
					failures.add(ex.getCause() instanceof DevstackException d ? d.getMessage() : String.valueOf(ex.getCause()));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new DevstackException("interrupted");
				}
			}
			if (!failures.isEmpty()) {
				throw new DevstackException(String.join("\n", failures));
			}
		}
	}

	/** Stops services first, then engines; returns the names of the parts it stopped. */
	public List<String> down() {
		List<Part> order = new ArrayList<>(services().reversed());
		order.addAll(engines().reversed());
		List<String> stopped = new ArrayList<>();
		for (Part part : order) {
			if (part.stop()) {
				stopped.add(part.name());
			}
		}
		return stopped;
	}

	/** The engines' addresses as environment variables, read by the test-support API and by ./wrd test. */
	public Map<String, String> enginesEnv() {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("WRD_STACK", ctx.stack());
		env.put("WRD_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:" + ctx.ports().postgres() + "/");
		env.put("WRD_ELASTICSEARCH_URL", elasticsearch.url());
		env.put("WRD_KAFKA_BOOTSTRAP", kafka.url());
		env.put("WRD_KEYCLOAK_URL", keycloak.url());
		return env;
	}

	private void writeEnginesEnv() {
		StringBuilder sb = new StringBuilder();
		enginesEnv().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
		try {
			Files.writeString(Layout.mkdirs(ctx.dir()).resolve("engines.env"), sb.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Part part(String name) {
		return all().stream()
			.filter(p -> p.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new DevstackException("no part named '" + name + "'; parts are "
					+ all().stream().map(Part::name).toList()));
	}

}
