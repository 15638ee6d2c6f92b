package org.workforcepathways.platform.outbox;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.workforcepathways.contracts.CloudEvent;
import org.workforcepathways.contracts.EventJson;

/**
 * Where a service puts the events it publishes: a table in its own database (see {@code outbox} in each service's
 * migrations). Called inside the transaction of the change an event describes, so both are committed or neither;
 * {@link OutboxRelay} sends them to Kafka.
 */
public class Outbox {

	private final JdbcClient jdbc;

	public Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds an event to the current transaction (or its own, when called outside one). */
	@Transactional(propagation = Propagation.REQUIRED)
	public void add(String topic, String key, CloudEvent<?> event) {
		jdbc.sql("insert into outbox (id, topic, event_key, payload) values (?, ?, ?, ?)")
			.params(UUID.fromString(event.id()), topic, key, EventJson.write(event))
			.update();
	}

}
