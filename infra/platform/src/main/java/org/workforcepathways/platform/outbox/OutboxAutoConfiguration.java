package org.workforcepathways.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

import org.workforcepathways.contracts.CloudEvent;

/**
 * The transactional outbox for services that have a database and publish to Kafka: {@link Outbox} to add events in
 * the caller's transaction, {@link OutboxRelay} to send them.
 */
@AutoConfiguration(after = { KafkaAutoConfiguration.class, JdbcClientAutoConfiguration.class })
@ConditionalOnClass({ KafkaTemplate.class, JdbcClient.class, CloudEvent.class })
@EnableConfigurationProperties(OutboxProperties.class)
@EnableScheduling
public class OutboxAutoConfiguration {

	@Bean
	@ConditionalOnBean(JdbcClient.class)
	@ConditionalOnMissingBean
	Outbox outbox(JdbcClient jdbc) {
		return new Outbox(jdbc);
	}

	@Bean
	@ConditionalOnBean({ JdbcClient.class, KafkaTemplate.class })
	@ConditionalOnMissingBean
	@SuppressWarnings("unchecked")
	OutboxRelay outboxRelay(JdbcClient jdbc, KafkaTemplate<?, ?> kafka, TransactionTemplate transaction,
			OutboxProperties properties, MeterRegistry meters) {
		return new OutboxRelay(jdbc, (KafkaTemplate<String, String>) kafka, transaction, properties, meters);
	}

}
