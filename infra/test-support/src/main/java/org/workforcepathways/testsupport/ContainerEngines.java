package org.workforcepathways.testsupport;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.workforcepathways.contracts.Topics;

/**
 * The same engines as official images, for machines with a Docker engine. Started once per JVM and left to
 * Testcontainers' reaper to remove.
 */
final class ContainerEngines {

	private ContainerEngines() {
	}

	static Engines start(Properties images) {
		var postgres = new PostgreSQLContainer(images.getProperty("postgres")).withUsername("postgres")
			.withPassword("postgres");
		var elasticsearch = new ElasticsearchContainer(images.getProperty("elasticsearch"))
			.withEnv(Map.of("xpack.security.enabled", "false", "discovery.type", "single-node", "ES_JAVA_OPTS",
					"-Xms512m -Xmx512m"))
			.withStartupTimeout(Duration.ofMinutes(3));
		var kafka = new KafkaContainer(images.getProperty("kafka"));
		var keycloak = new KeycloakContainer(images.getProperty("keycloak"))
			.withRealmImportFile("/workforce-realm.json")
			.withStartupTimeout(Duration.ofMinutes(4));
		java.util.stream.Stream.of(postgres, elasticsearch, kafka, keycloak).parallel().forEach(c -> c.start());
		createTopics(kafka.getBootstrapServers());
		String jdbc = postgres.getJdbcUrl();
		String base = jdbc.substring(0, jdbc.lastIndexOf('/') + 1);
		return new Engines(base, postgres.getUsername(), postgres.getPassword(),
				"http://" + elasticsearch.getHttpHostAddress(), kafka.getBootstrapServers(),
				keycloak.getAuthServerUrl().replaceAll("/$", ""), "containers (Testcontainers)");
	}

	private static void createTopics(String bootstrap) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin.createTopics(Topics.all().stream().map(t -> new NewTopic(t.name(), t.partitions(), (short) 1)).toList())
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("creating topics on the Kafka container failed", ex);
		}
	}

}
