package org.workforcepathways.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.scale.yml laid over docker-compose.yml the way Compose merges files (maps merged, lists appended
 * unless tagged {@code !override}, commands and health-check tests replaced, {@code extends} taking the base file's
 * service without its depends_on), then checked: a 3-node Elasticsearch cluster, a 3-broker KRaft quorum with
 * replication factor 3 and min in-sync 2, two instances of each service, all of them behind the gateway.
 */
class ComposeScaleProfileTest {

	static final Path ROOT = ComposeFileTest.ROOT;

	static Map<String, Object> services;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void merge() throws IOException {
		Map<String, Object> base = load("docker-compose.yml");
		Map<String, Object> scale = load("docker-compose.scale.yml");
		Map<String, Object> baseServices = (Map<String, Object>) base.get("services");
		Map<String, Object> merged = new LinkedHashMap<>(baseServices);
		((Map<String, Object>) scale.get("services")).forEach((name, value) -> {
			Map<String, Object> overlay = new LinkedHashMap<>((Map<String, Object>) value);
			Map<String, Object> start;
			if (overlay.remove("extends") instanceof Map<?, ?> ext) {
				assertThat(ext.get("file")).as(name + " extends").isEqualTo("docker-compose.yml");
				start = new LinkedHashMap<>((Map<String, Object>) baseServices.get(String.valueOf(ext.get("service"))));
				start.remove("depends_on");
			}
			else {
				start = (Map<String, Object>) merged.getOrDefault(name, Map.of());
			}
			merged.put(name, mergeMaps(start, overlay));
		});
		services = merged;
	}

	@Test
	void threeElasticsearchNodesFormOneCluster() {
		List<String> nodes = List.of("elasticsearch", "elasticsearch-2", "elasticsearch-3");
		Set<String> volumes = new TreeSet<>();
		for (String node : nodes) {
			var env = env(node);
			assertThat(env).as(node).containsEntry("node.name", node)
				.containsEntry("discovery.type", "multi-node")
				.containsEntry("cluster.name", "workforce-pathways");
			assertThat(list(env.get("discovery.seed_hosts"))).as(node + " seed hosts").isEqualTo(nodes);
			assertThat(list(env.get("cluster.initial_master_nodes"))).as(node + " master nodes").isEqualTo(nodes);
			assertThat(service(node).get("image")).isEqualTo(service("elasticsearch").get("image"));
			volumes.addAll(volumes(node));
		}
		assertThat(volumes).as("a data volume per node").hasSize(3);
		assertThat(list(env("directory-service").get("SPRING_ELASTICSEARCH_URIS")))
			.containsExactly("http://elasticsearch:9200", "http://elasticsearch-2:9200", "http://elasticsearch-3:9200");
	}

	@Test
	void threeKafkaBrokersReplicateEveryTopicThreeTimesAndAcknowledgeWithTwo() {
		List<String> brokers = List.of("kafka", "kafka-2", "kafka-3");
		Set<String> clusterIds = new LinkedHashSet<>();
		Set<String> volumes = new TreeSet<>();
		for (int i = 0; i < brokers.size(); i++) {
			String broker = brokers.get(i);
			var env = env(broker);
			assertThat(env).as(broker).containsEntry("KAFKA_NODE_ID", Integer.toString(i + 1))
				.containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://" + broker + ":9092")
				.containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093")
				.containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
				.containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
				.containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
				.containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
				.containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2");
			clusterIds.add(env.get("CLUSTER_ID"));
			volumes.addAll(volumes(broker));
		}
		assertThat(clusterIds).as("one cluster id").hasSize(1).doesNotContainNull();
		assertThat(volumes).as("a log volume per broker").hasSize(3);
		assertThat(env("kafka-topics")).containsEntry("REPLICATION_FACTOR", "3").containsEntry("MIN_INSYNC_REPLICAS", "2");
		assertThat(dependsOn("kafka-topics")).containsAll(brokers);
		for (String client : List.of("directory-service", "directory-service-2", "matching-service",
				"matching-service-2", "metrics-service", "metrics-service-2")) {
			assertThat(list(env(client).get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))).as(client)
				.containsExactly("kafka:9092", "kafka-2:9092", "kafka-3:9092");
		}
	}

	@Test
	void twoInstancesOfEachServiceStandBehindTheGateway() {
		var gateway = env("gateway");
		Map<String, String> routes = Map.of("directory-service", "WRD_GATEWAY_DIRECTORY_URI", "matching-service",
				"WRD_GATEWAY_MATCHING_URI", "metrics-service", "WRD_GATEWAY_METRICS_URI");
		routes.forEach((module, variable) -> {
			List<String> instances = services.keySet()
				.stream()
				.filter(name -> module.equals(moduleOf(name)))
				.toList();
			assertThat(instances).as(module + " instances").containsExactly(module, module + "-2");
			assertThat(list(gateway.get(variable))).as(variable)
				.containsExactlyElementsOf(instances.stream().map(i -> "http://" + i + ":8080").toList());
			assertThat(dependsOn("gateway")).containsAll(instances);
		});
		assertThat(services.keySet().stream().filter(name -> "gateway".equals(moduleOf(name)))).hasSize(1);
	}

	@Test
	void indexCopiesComeFromConfigurationAndSurviveANodeLoss() {
		for (String instance : List.of("directory-service", "directory-service-2")) {
			assertThat(Integer.parseInt(env(instance).get("DIRECTORY_INDEX_REPLICAS"))).as(instance).isGreaterThanOrEqualTo(1);
			assertThat(env(instance)).containsEntry("DIRECTORY_INDEX_SHARDS", "3");
		}
	}

	@Test
	void eachMetricsInstanceCountsUnderItsOwnApplicationIdAndKeepsItsOwnState() {
		assertThat(env("metrics-service")).doesNotContainKey("SPRING_KAFKA_STREAMS_APPLICATION_ID");
		assertThat(env("metrics-service-2").get("SPRING_KAFKA_STREAMS_APPLICATION_ID"))
			.isEqualTo("metrics-service-g${METRICS_GENERATION:-1}-2");
		assertThat(volumes("metrics-service")).doesNotContainAnyElementsOf(volumes("metrics-service-2"));
		assertThat(env("metrics-service-2")).containsEntry("METRICS_DEMO_CAMPAIGN", "false");
	}

	@Test
	void theMergedStackKeepsHealthChecksLimitsOrderAndReadEnvironment() throws IOException {
		ComposeFileTest.assertHealthChecksLimitsAndOrder(services);
		ComposeFileTest.assertEnvironmentIsRead(services);
	}

	// --- the merge, as Compose does it for these two files

	static Map<String, Object> load(String file) throws IOException {
		try (Reader r = Files.newBufferedReader(ROOT.resolve(file))) {
			return new Yaml(new ComposeTags()).load(r);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> mergeMaps(Map<String, Object> base, Map<String, Object> overlay) {
		Map<String, Object> out = new LinkedHashMap<>(base);
		overlay.forEach((key, value) -> {
			Object previous = out.get(key);
			if (value instanceof Replacement o) {
				out.put(key, o.value());
			}
			else if (value instanceof Map<?, ?> m && previous instanceof Map<?, ?> p) {
				out.put(key, mergeMaps((Map<String, Object>) p, (Map<String, Object>) m));
			}
			else if (value instanceof List<?> l && previous instanceof List<?> p
					&& !Set.of("command", "entrypoint", "test").contains(key)) {
				Set<Object> appended = new LinkedHashSet<>(p);
				appended.addAll(l);
				out.put(key, new ArrayList<>(appended));
			}
			else {
				out.put(key, value);
			}
		});
		return out;
	}

	record Replacement(Object value) {
	}

	/** Compose's own tags: {@code !override} replaces instead of merging. */
	static final class ComposeTags extends SafeConstructor {

		ComposeTags() {
			super(new LoaderOptions());
			this.yamlConstructors.put(new Tag("!override"), new AbstractConstruct() {
				@Override
				public Object construct(Node node) {
					return new Replacement(node instanceof SequenceNode s ? constructSequence(s)
							: constructMapping((MappingNode) node));
				}
			});
		}

	}

	// --- reading the merged model

	@SuppressWarnings("unchecked")
	static Map<String, Object> service(String name) {
		assertThat(services).as("service " + name).containsKey(name);
		return (Map<String, Object>) services.get(name);
	}

	static Map<String, String> env(String name) {
		return ComposeFileTest.environment(service(name));
	}

	static List<String> list(String commaSeparated) {
		assertThat(commaSeparated).isNotNull();
		return Arrays.stream(commaSeparated.split(",")).map(String::trim).toList();
	}

	@SuppressWarnings("unchecked")
	static Set<String> volumes(String name) {
		return ((List<Object>) service(name).getOrDefault("volumes", List.of())).stream()
			.map(String::valueOf)
			.filter(v -> !v.startsWith("."))
			.map(v -> v.substring(0, v.indexOf(':')))
			.collect(Collectors.toSet());
	}

	@SuppressWarnings("unchecked")
	static Set<String> dependsOn(String name) {
		return ((Map<String, Object>) service(name).getOrDefault("depends_on", Map.of())).keySet();
	}

	@SuppressWarnings("unchecked")
	static String moduleOf(String name) {
		if (service(name).get("build") instanceof Map<?, ?> build && build.get("args") instanceof Map<?, ?> args) {
			Object module = args.get("MODULE");
			return module == null ? null : module.toString();
		}
		return null;
	}

}
