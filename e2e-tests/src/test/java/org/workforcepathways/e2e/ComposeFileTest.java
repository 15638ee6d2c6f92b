package org.workforcepathways.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.workforcepathways.contracts.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so docker-compose.yml is checked by structure: a container per service module, the
 * engines at the pom's versions, health checks and healthy-first ordering, memory limits, topics as in contracts, and
 * every environment variable naming a property its service really reads.
 */
class ComposeFileTest {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	static final List<String> SERVICE_MODULES = List.of("directory-service", "matching-service", "metrics-service",
			"gateway");

	/** Boot properties a service reads without naming them in its application.yaml. */
	static final Set<String> BOOT_PROPERTIES = Set.of("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
			"spring.kafka.streams.state-dir", "server.port");

	static Map<String, Object> compose;

	static Map<String, Object> services;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void read() throws IOException {
		try (Reader r = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
			compose = new Yaml().load(r);
		}
		services = (Map<String, Object>) compose.get("services");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> service(String name) {
		return (Map<String, Object>) services.get(name);
	}

	static String pomProperty(String name) throws IOException {
		Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)<").matcher(Files.readString(ROOT.resolve("pom.xml")));
		assertThat(m.find()).as("pom property " + name).isTrue();
		return m.group(1);
	}

	@Test
	void everyServiceModuleHasAContainerBuiltFromItsModule() {
		for (String module : SERVICE_MODULES) {
			assertThat(services).as("compose service for module " + module).containsKey(module);
			@SuppressWarnings("unchecked")
			var build = (Map<String, Object>) service(module).get("build");
			@SuppressWarnings("unchecked")
			var args = (Map<String, Object>) build.get("args");
			assertThat(args).containsEntry("MODULE", module);
			assertThat(ROOT.resolve(module).resolve("pom.xml")).exists();
			assertThat(ROOT.resolve((String) build.get("dockerfile"))).exists();
		}
	}

	@Test
	void enginesRunTheVersionsThePomPins() throws IOException {
		assertThat(service("elasticsearch").get("image")).asString().endsWith(":" + pomProperty("elasticsearch.version"));
		@SuppressWarnings("unchecked")
		var esBuild = (Map<String, Object>) service("elasticsearch").get("build");
		assertThat(esBuild.get("args")).asString().contains("ES_VERSION=" + pomProperty("elasticsearch.version"));
		assertThat(Files.readString(ROOT.resolve((String) esBuild.get("dockerfile"))))
			.contains("FROM docker.elastic.co/elasticsearch/elasticsearch:${ES_VERSION}", "elasticsearch-plugin install");
		assertThat(service("kafka").get("image")).asString().endsWith(":" + pomProperty("kafka.version"));
		assertThat(service("keycloak").get("image")).asString().endsWith(":" + pomProperty("keycloak.version"));
		assertThat(service("postgres").get("image")).asString().endsWith(":" + pomProperty("postgres.major"));
	}

	@Test
	void everyLongRunningContainerHasAHealthCheckAMemoryLimitAndWaitsForHealthyDependencies() {
		assertHealthChecksLimitsAndOrder(services);
	}

	@SuppressWarnings("unchecked")
	static void assertHealthChecksLimitsAndOrder(Map<String, Object> services) {
		services.forEach((name, value) -> {
			var s = (Map<String, Object>) value;
			assertThat(s).as(name + " memory limit").containsKey("mem_limit");
			boolean oneShot = "no".equals(String.valueOf(s.get("restart")));
			if (!oneShot) {
				assertThat(s).as(name + " healthcheck").containsKey("healthcheck");
			}
			var dependsOn = (Map<String, Map<String, String>>) s.getOrDefault("depends_on", Map.of());
			dependsOn.forEach((dependency, how) -> {
				assertThat(services).as(name + " depends on " + dependency).containsKey(dependency);
				var target = (Map<String, Object>) services.get(dependency);
				String expected = "no".equals(String.valueOf(target.get("restart"))) ? "service_completed_successfully"
						: "service_healthy";
				assertThat(how.get("condition")).as(name + " -> " + dependency).isEqualTo(expected);
			});
		});
	}

	@Test
	void theTopicJobCreatesExactlyTheContractTopics() {
		String script = String.valueOf(service("kafka-topics").get("command"));
		Set<String> main = Topics.all()
			.stream()
			.map(Topics.TopicSpec::name)
			.filter(n -> !n.endsWith(Topics.DEAD_LETTER_SUFFIX))
			.collect(Collectors.toSet());
		Matcher loop = Pattern.compile("for t in ([^;]+);").matcher(script);
		assertThat(loop.find()).isTrue();
		assertThat(Set.of(loop.group(1).trim().split("\\s+"))).isEqualTo(main);
		assertThat(script).contains("--partitions " + Topics.DEFAULT_PARTITIONS, "$$t.dlt",
				"--replication-factor $$REPLICATION_FACTOR", "min.insync.replicas=$$MIN_INSYNC_REPLICAS");
		assertThat(environment(service("kafka-topics"))).containsEntry("REPLICATION_FACTOR", "1")
			.containsEntry("MIN_INSYNC_REPLICAS", "1");
	}

	@SuppressWarnings("unchecked")
	static Map<String, String> environment(Map<String, Object> service) {
		Map<String, String> env = new LinkedHashMap<>();
		((Map<String, Object>) service.getOrDefault("environment", Map.of()))
			.forEach((k, v) -> env.put(k, String.valueOf(v)));
		return env;
	}

	@Test
	void everyEnvironmentVariableNamesAPropertyTheServiceReads() throws IOException {
		assertEnvironmentIsRead(services);
	}

	/** Every container built from a service module sets only variables that module reads. */
	@SuppressWarnings("unchecked")
	static void assertEnvironmentIsRead(Map<String, Object> services) throws IOException {
		for (var container : services.entrySet()) {
			var build = (Map<String, Object>) ((Map<String, Object>) container.getValue()).get("build");
			if (build == null || !(build.get("args") instanceof Map<?, ?> args) || args.get("MODULE") == null) {
				continue;
			}
			String module = String.valueOf(args.get("MODULE"));
			Set<String> known = flatten(module);
			var env = (Map<String, Object>) ((Map<String, Object>) container.getValue()).getOrDefault("environment",
					Map.of());
			for (String variable : env.keySet()) {
				if (variable.startsWith("JAVA_")) {
					continue;
				}
				String relaxed = variable.toLowerCase(Locale.ROOT).replace("_", "");
				boolean read = known.stream().anyMatch(k -> canonical(k).equals(relaxed))
						|| BOOT_PROPERTIES.stream().anyMatch(k -> canonical(k).equals(relaxed));
				assertThat(read).as("%s sets %s, which %s does not read", container.getKey(), variable, module).isTrue();
			}
		}
	}

	/** Relaxed binding's view of a key: SPRING_DATASOURCE_URL and spring.datasource.url both become this. */
	static String canonical(String key) {
		return key.toLowerCase(Locale.ROOT).replace(".", "").replace("-", "").replace("_", "");
	}

	@SuppressWarnings("unchecked")
	static Set<String> flatten(String module) throws IOException {
		Map<String, Object> yaml;
		try (Reader r = Files.newBufferedReader(ROOT.resolve(module).resolve("src/main/resources/application.yaml"))) {
			yaml = new Yaml().load(r);
		}
		Map<String, Object> flat = new LinkedHashMap<>();
		flatten("", yaml, flat);
		Set<String> keys = new java.util.HashSet<>(flat.keySet());
		// and the module's own @ConfigurationProperties, from the metadata the configuration processor writes
		Path metadata = ROOT.resolve(module).resolve("target/classes/META-INF/spring-configuration-metadata.json");
		if (Files.exists(metadata)) {
			Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"").matcher(Files.readString(metadata));
			while (m.find()) {
				keys.add(m.group(1));
			}
		}
		return keys;
	}

	@SuppressWarnings("unchecked")
	static void flatten(String prefix, Map<String, Object> map, Map<String, Object> into) {
		map.forEach((k, v) -> {
			String key = prefix.isEmpty() ? k : prefix + "." + k;
			if (v instanceof Map<?, ?> m) {
				flatten(key, (Map<String, Object>) m, into);
			}
			else {
				into.put(key, v);
			}
		});
	}

}
