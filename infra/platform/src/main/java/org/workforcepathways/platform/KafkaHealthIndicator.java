package org.workforcepathways.platform;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/** Boot has no Kafka health check; readiness must say when the broker is unreachable. */
class KafkaHealthIndicator extends AbstractHealthIndicator {

	private final KafkaAdmin kafkaAdmin;

	KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
		super("Kafka health check failed");
		this.kafkaAdmin = kafkaAdmin;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
			var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000));
			int nodes = cluster.nodes().get(3, TimeUnit.SECONDS).size();
			builder.up().withDetail("nodes", nodes);
		}
	}

}
