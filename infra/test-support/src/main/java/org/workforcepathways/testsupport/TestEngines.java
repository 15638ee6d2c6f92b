package org.workforcepathways.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import org.springframework.test.context.DynamicPropertyRegistry;

import org.workforcepathways.devstack.Stack;

/**
 * The one way tests get engines. In order:
 * <ol>
 * <li>the engines {@code ./wrd test} started for the whole build, handed over in {@code WRD_*} environment
 * variables;</li>
 * <li>{@code WRD_ENGINES=containers}, or no choice made and a Docker engine answers: official images through
 * Testcontainers;</li>
 * <li>otherwise the native engines, started here through the same launcher code as {@code ./wrd} (an IDE run).</li>
 * </ol>
 * Never a fake, and never a skip: without any engine the tests fail and say why.
 */
public final class TestEngines {

	private static final Logger log = LoggerFactory.getLogger(TestEngines.class);

	private static Engines engines;

	private TestEngines() {
	}

	public static synchronized Engines get() {
		if (engines == null) {
			engines = start(System.getenv());
			log.info("Test engines: {} (Elasticsearch {}, Kafka {}, PostgreSQL {}, Keycloak {})", engines.origin(),
					engines.elasticsearchUrl(), engines.kafkaBootstrap(), engines.postgresUrl(), engines.keycloakUrl());
		}
		return engines;
	}

	static Engines start(Map<String, String> env) {
		String choice = env.getOrDefault("WRD_ENGINES", "");
		if (env.containsKey("WRD_ELASTICSEARCH_URL") && !"containers".equals(choice)) {
			return new Engines(env.get("WRD_POSTGRES_URL"), "postgres", "", env.get("WRD_ELASTICSEARCH_URL"),
					env.get("WRD_KAFKA_BOOTSTRAP"), env.get("WRD_KEYCLOAK_URL"), "native (started by ./wrd test)");
		}
		if ("containers".equals(choice) || (!"native".equals(choice) && dockerAnswers())) {
			return ContainerEngines.start(images());
		}
		return startNative();
	}

	private static boolean dockerAnswers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static Engines startNative() {
		Stack stack = Stack.named("test");
		boolean wasRunning = stack.engines().stream().allMatch(p -> p.running());
		stack.upEngines(line -> log.info("{}", line.strip()));
		if (!wasRunning && System.getenv("WRD_KEEP_ENGINES") == null) {
			Runtime.getRuntime().addShutdownHook(new Thread(stack::down, "wrd-test-engines-down"));
		}
		Map<String, String> env = stack.enginesEnv();
		return new Engines(env.get("WRD_POSTGRES_URL"), "postgres", "", env.get("WRD_ELASTICSEARCH_URL"),
				env.get("WRD_KAFKA_BOOTSTRAP"), env.get("WRD_KEYCLOAK_URL"),
				wasRunning ? "native (already running)" : "native (started by this test run)");
	}

	static Properties images() {
		Properties p = new Properties();
		try (InputStream in = TestEngines.class.getResourceAsStream("images.properties")) {
			p.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return p;
	}

	/**
	 * Points a Spring Boot service at the engines, with a database of its own: datasource, Elasticsearch, Kafka and
	 * the Keycloak issuer.
	 */
	public static void register(DynamicPropertyRegistry registry, String database) {
		get().serviceProperties(database).forEach((k, v) -> registry.add(k, () -> v));
	}

	/**
	 * Like {@link #register}, on an empty database and without the search indices under {@code indexAlias}: for tests
	 * whose assertions count what they created, so a second local run sees what CI sees.
	 */
	public static void registerFresh(DynamicPropertyRegistry registry, String database, String indexAlias) {
		Engines e = get();
		try (java.sql.Connection c = java.sql.DriverManager.getConnection(e.postgresUrl() + "postgres",
				e.postgresAdminUser(), e.postgresAdminPassword()); java.sql.Statement s = c.createStatement()) {
			s.execute("drop database if exists " + database + " with (force)");
			java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(e.elasticsearchUrl() + "/" + indexAlias + "-v*"))
					.DELETE()
					.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
		}
		catch (java.sql.SQLException | java.io.IOException ex) {
			throw new IllegalStateException("could not empty test database " + database, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		register(registry, database);
	}

}
