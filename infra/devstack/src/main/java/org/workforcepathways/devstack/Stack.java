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
 * {@code ./wrd test} and the test-support API run, on other ports and in another folder; {@code scale}
 * ({@code ./wrd up --scale}) runs 3 Kafka brokers, 2 Elasticsearch nodes and 2 instances of each service behind the
 * gateway.
 */
public final class Stack {

	private final StackContext ctx;

	private final Postgres postgres;

	private final List<Elasticsearch> elasticsearch = new ArrayList<>();

	private final List<Kafka> kafka = new ArrayList<>();

	private final Keycloak keycloak;

	public Stack(StackContext ctx) {
		this.ctx = ctx;
		this.postgres = new Postgres(ctx);
		for (int n = 1; n <= ctx.searchNodes(); n++) {
			elasticsearch.add(new Elasticsearch(ctx, n));
		}
		for (int n = 1; n <= ctx.brokers(); n++) {
			kafka.add(new Kafka(ctx, n));
		}
		this.keycloak = new Keycloak(ctx);
	}

	public static Stack named(String name) {
		return new Stack(new StackContext(Layout.discover(), name, System::getenv));
	}

	public StackContext context() {
		return ctx;
	}

	public List<Part> engines() {
		List<Part> engines = new ArrayList<>(List.of(postgres));
		engines.addAll(elasticsearch);
		engines.addAll(kafka);
		engines.add(keycloak);
		return engines;
	}

	/** Where the services find the engines: this stack's own, or any others (e.g. containers in tests). */
	public record Endpoints(String postgresUrl, String elasticsearchUrl, String kafkaBootstrap, String keycloakUrl) {

		String jdbc(String db) {
			return postgresUrl + db;
		}

		public String issuer() {
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
		List<Part> services = new ArrayList<>();
		for (int n = 1; n <= ctx.instances(); n++) {
			services.addAll(instance(e, n));
		}
		services.add(gateway(e));
		return services;
	}

	/**
	 * Instance {@code n} of each service. Only the first loads the demo directory and seeds the demo campaign; the
	 * second matching-service reads the directory through the second directory-service, and the second
	 * metrics-service counts every partition under an application id of its own (its reports come from its own state
	 * stores), as in docker-compose.scale.yml.
	 */
	private List<Part> instance(Endpoints e, int n) {
		Ports p = ctx.ports();
		String suffix = n == 1 ? "" : "-" + n;
		Path demo = ctx.layout().root().resolve("infra/demo-data/calumet-listings.json");
		int directoryPort = Ports.instance(p.directory(), n);
		Map<String, String> directory = ordered("spring.datasource.url", e.jdbc("directory"),
				"spring.datasource.username", "directory", "spring.datasource.password", "directory",
				"spring.elasticsearch.uris", e.elasticsearchUrl(), "spring.kafka.bootstrap-servers", e.kafkaBootstrap(),
				"spring.security.oauth2.resourceserver.jwt.issuer-uri", e.issuer());
		if (n == 1) {
			directory.put("directory.demo-data", demo.toUri().toString());
			directory.put("directory.demo-outcomes", demo.resolveSibling("calumet-outcomes.csv").toUri().toString());
		}
		if (ctx.searchNodes() > 1) {
			// primaries spread over the nodes, each with a copy on another node
			directory.put("directory.index.shards", Integer.toString(ctx.searchNodes()));
			directory.put("directory.index.replicas", "1");
		}
		Map<String, String> matching = ordered("spring.datasource.url", e.jdbc("matching"), "spring.datasource.username",
				"matching", "spring.datasource.password", "matching", "spring.kafka.bootstrap-servers",
				e.kafkaBootstrap(), "spring.security.oauth2.resourceserver.jwt.issuer-uri", e.issuer(),
				"spring.http.serviceclient.directory.base-url", "http://127.0.0.1:" + directoryPort);
		Map<String, String> metrics = ordered("spring.datasource.url", e.jdbc("metrics"), "spring.datasource.username",
				"metrics", "spring.datasource.password", "metrics", "spring.kafka.bootstrap-servers", e.kafkaBootstrap(),
				"spring.kafka.streams.state-dir",
				ctx.dir().resolve("metrics-service" + suffix + "/streams").toString(),
				"spring.security.oauth2.resourceserver.jwt.issuer-uri", e.issuer(), "metrics.demo-campaign",
				Boolean.toString(n == 1), "metrics.directory-url", "http://localhost:" + p.gateway() + "/",
				"metrics.public-url", "http://localhost:" + p.gateway());
		if (n > 1) {
			metrics.put("spring.kafka.streams.application-id", "metrics-service-g${metrics.generation}" + suffix);
		}
		return List.of(new SpringService(ctx, "directory-service" + suffix, "directory-service", directoryPort, directory),
				new SpringService(ctx, "matching-service" + suffix, "matching-service",
						Ports.instance(p.matching(), n), matching),
				new SpringService(ctx, "metrics-service" + suffix, "metrics-service", Ports.instance(p.metrics(), n),
						metrics));
	}

	private Part gateway(Endpoints e) {
		Ports p = ctx.ports();
		return new SpringService(ctx, "gateway", "gateway", p.gateway(),
				ordered("wrd.gateway.directory-uri", instances(p.directory()), "wrd.gateway.matching-uri",
						instances(p.matching()), "wrd.gateway.metrics-uri", instances(p.metrics()),
						"wrd.gateway.keycloak.issuer", e.issuer()));
	}

	private String instances(int firstPort) {
		List<String> uris = new ArrayList<>();
		for (int n = 1; n <= ctx.instances(); n++) {
			uris.add("http://127.0.0.1:" + Ports.instance(firstPort, n));
		}
		return String.join(",", uris);
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
		upServices(endpoints(), progress);
	}

	/**
	 * Starts the services against the given engines (this stack's own, or containers in tests). With several
	 * instances, the first of each starts first: it migrates the schema and loads the demo data the others find.
	 */
	public void upServices(Endpoints endpoints, Consumer<String> progress) {
		List<Part> services = services(endpoints);
		if (ctx.instances() > 1) {
			List<Part> first = instance(endpoints, 1);
			startAll(first, progress);
			List<String> started = first.stream().map(Part::name).toList();
			services = services.stream().filter(s -> !started.contains(s.name())).toList();
		}
		startAll(services, progress);
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

	/** Stops every part and deletes this stack's folder (data, logs, pids): the next {@code up} starts from nothing. */
	public void wipe() {
		down();
		Unpack.deleteTree(ctx.dir());
	}

	/** The engines' addresses as environment variables, read by the test-support API and by ./wrd test. */
	public Map<String, String> enginesEnv() {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("WRD_STACK", ctx.stack());
		env.put("WRD_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:" + ctx.ports().postgres() + "/");
		env.put("WRD_ELASTICSEARCH_URL", String.join(",", elasticsearch.stream().map(Part::url).toList()));
		env.put("WRD_KAFKA_BOOTSTRAP", String.join(",", kafka.stream().map(Part::url).toList()));
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
