package org.workforcepathways.metrics.engagement;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.EventValidator;
import org.workforcepathways.contracts.EventValidator.Accepted;
import org.workforcepathways.contracts.EventValidator.Rejection;
import org.workforcepathways.contracts.Topics;

/**
 * Counts searches per calendar day from {@code directory.engagement}. Every event is checked against its schema
 * first; one that fails goes to {@code directory.engagement.dlt} unchanged, with the reason in a header, and counting
 * goes on.
 */
public final class EngagementTopology {

	/** Searches per day: key ISO date (region's time zone), value count. */
	public static final String SEARCHES_PER_DAY = "searches-per-day";

	private EngagementTopology() {
	}

	/** An event as read, with the validator's verdict. Never serialized: it lives between two processors. */
	record Checked(String raw, EventValidator.Result result) {

	}

	public static void build(StreamsBuilder builder, ZoneId zone) {
		EventValidator validator = new EventValidator();
		KStream<String, Checked> checked = builder
			.stream(Topics.DIRECTORY_ENGAGEMENT, Consumed.with(Serdes.String(), Serdes.String()).withName("engagement"))
			.mapValues(raw -> new Checked(raw, validator.validate(raw)), Named.as("validate"));

		checked.split(Named.as("engagement-"))
			.branch((k, v) -> v.result() instanceof Rejection, Branched.withConsumer(rejected -> rejected
				.processValues(DeadLetter::new, Named.as("dead-letter-reason"))
				.to(Topics.deadLetterOf(Topics.DIRECTORY_ENGAGEMENT), Produced.with(Serdes.String(), Serdes.String())
					.withName("dead-letter")), "rejected"))
			.defaultBranch(Branched.withConsumer(accepted -> accepted
				.flatMapValues(v -> ((Accepted) v.result()).as(EventTypes.SEARCH_PERFORMED).stream().toList(),
						Named.as("searches"))
				.selectKey((k, event) -> LocalDate.ofInstant(event.time(), zone).toString(), Named.as("by-day"))
				.mapValues(event -> event.id(), Named.as("event-id"))
				.groupByKey(Grouped.with("searches-by-day", Serdes.String(), Serdes.String()))
				.count(Named.as("count-searches"), Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(SEARCHES_PER_DAY)
					.withKeySerde(Serdes.String())
					.withValueSerde(Serdes.Long())), "accepted"));
	}

	/** Puts the reason on the rejected record and passes the original text on. */
	static final class DeadLetter implements FixedKeyProcessor<String, Checked, String> {

		private FixedKeyProcessorContext<String, String> context;

		@Override
		public void init(FixedKeyProcessorContext<String, String> context) {
			this.context = context;
		}

		@Override
		public void process(FixedKeyRecord<String, Checked> record) {
			String reason = ((Rejection) record.value().result()).reason();
			record.headers().add(Topics.DEAD_LETTER_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
			context.forward(record.withValue(record.value().raw()));
		}

	}

}
