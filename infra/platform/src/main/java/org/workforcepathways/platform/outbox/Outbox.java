package org.workforcepathways.platform.outbox;

import java.util.List;
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

	/** An event waiting to be added, for {@link #addAll}. */
	public record Pending(String topic, String key, CloudEvent<?> event) {

	}

	/** Adds an event to the current transaction (or its own, when called outside one). */
	@Transactional(propagation = Propagation.REQUIRED)
	public void add(String topic, String key, CloudEvent<?> event) {
		jdbc.sql("insert into outbox (id, topic, event_key, payload) values (?, ?, ?, ?)")
			.params(UUID.fromString(event.id()), topic, key, EventJson.write(event))
			.update();
	}

	/**
	 * Adds events in one statement, in their order: an import of hundreds of records writes its events without a
	 * round trip to the database for each.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void addAll(List<Pending> events) {
		if (events.isEmpty()) {
			return;
		}
		// an event id must be a UUID, as add() requires: checked before anything is written
		String[] ids = events.stream().map(e -> UUID.fromString(e.event().id()).toString()).toArray(String[]::new);
		jdbc.sql("insert into outbox (id, topic, event_key, payload) select cast(i as uuid), t, k, p "
				+ "from unnest(:ids, :topics, :keys, :payloads) with ordinality as e(i, t, k, p, n) order by n")
			.param("ids", ids)
			.param("topics", events.stream().map(Pending::topic).toArray(String[]::new))
			.param("keys", events.stream().map(Pending::key).toArray(String[]::new))
			.param("payloads", events.stream().map(e -> EventJson.write(e.event())).toArray(String[]::new))
			.update();
	}

}
