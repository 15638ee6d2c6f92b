package org.workforcepathways.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * Sends what the outbox holds to Kafka, oldest first, a batch at a time: rows are locked ({@code skip locked}, so
 * several instances share the work), sent with acks from all replicas, and marked sent in the same transaction. A
 * crash after sending and before the commit sends the batch again: at least once, with the event ids unchanged.
 */
public class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcClient jdbc;

	private final KafkaTemplate<String, String> kafka;

	private final TransactionTemplate transaction;

	private final OutboxProperties settings;

	private final Counter sent;

	private final Counter failed;

	OutboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transaction,
			OutboxProperties properties, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.kafka = kafka;
		this.transaction = transaction;
		this.settings = properties;
		this.sent = meters.counter("wrd.outbox.relayed", "outcome", "sent");
		this.failed = meters.counter("wrd.outbox.relayed", "outcome", "failed");
		meters.gauge("wrd.outbox.pending", this, OutboxRelay::pendingOrZero);
	}

	record Row(UUID id, String topic, String key, String payload) {

	}

	@Scheduled(fixedDelayString = "${wrd.outbox.poll-interval:200ms}")
	void relay() {
		try {
			int relayed;
			do {
				relayed = transaction.execute(tx -> relayBatch());
			}
			while (relayed == settings.batchSize());
		}
		catch (RuntimeException ex) {
			failed.increment();
			log.warn("outbox relay: batch not sent, will retry: {}", ex.getClass().getSimpleName());
		}
	}

	private int relayBatch() {
		List<Row> rows = jdbc.sql("select id, topic, event_key, payload from outbox where sent_at is null "
				+ "order by created_at, id limit :size for update skip locked")
			.param("size", settings.batchSize())
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("topic"), rs.getString("event_key"),
					rs.getString("payload")))
			.list();
		if (rows.isEmpty()) {
			return 0;
		}
		List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>();
		rows.forEach(r -> sends.add(kafka.send(r.topic(), r.key(), r.payload())));
		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
				.get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("sending to Kafka failed", ex);
		}
		jdbc.sql("update outbox set sent_at = clock_timestamp() where id = any(:ids)")
			.param("ids", rows.stream().map(Row::id).toArray(UUID[]::new))
			.update();
		sent.increment(rows.size());
		return rows.size();
	}

	/** Sent rows are kept a while for inspection, then dropped. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void dropOldSentRows() {
		Duration keep = settings.keepSent();
		int dropped = jdbc.sql("delete from outbox where sent_at < now() - make_interval(secs => :seconds)")
			.param("seconds", keep.toSeconds())
			.update();
		if (dropped > 0) {
			log.info("outbox: dropped {} events sent more than {} ago", dropped, keep);
		}
	}

	private double pendingOrZero() {
		try {
			return jdbc.sql("select count(*) from outbox where sent_at is null").query(Long.class).single();
		}
		catch (RuntimeException ex) {
			return 0;
		}
	}

}
