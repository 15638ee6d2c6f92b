package org.workforcepathways.metrics.counting;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

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
import org.apache.kafka.streams.state.Stores;

import org.workforcepathways.contracts.EventValidator;
import org.workforcepathways.contracts.EventValidator.Accepted;
import org.workforcepathways.contracts.EventValidator.Rejection;
import org.workforcepathways.contracts.Topics;

/**
 * Counts everything the campaign report shows from the three event topics. Every event is checked against its
 * schema first; one that fails goes to its topic's dead-letter topic unchanged, with the reason in a header, and
 * counting goes on. A valid event is counted once ({@link Counting}) into counters keyed by {@link Fact}, summed in
 * the {@value #COUNTS} store. Counters carry the day the event happened, so a late event lands on its own day.
 */
public final class CountingTopology {

	/** Counters: key {@link Fact#key()}, value the sum of its changes. */
	public static final String COUNTS = "counts";

	/** Event ids seen within the deduplication window. */
	public static final String SEEN_EVENTS = "seen-events";

	/** Per referral: what has been counted ({@link ReferralProgress}). */
	public static final String REFERRALS = "referral-progress";

	/** Per listing: its latest {@link Snapshots.Listing}. */
	public static final String LISTINGS = "listings";

	/** Per listing referred to: kind and occupations ({@link Metrics.ReferredListing}). */
	public static final String REFERRED_LISTINGS = "referred-listings";

	/** Per career-event listing and date: its latest {@link Snapshots.Attendance}. */
	public static final String ATTENDANCE = "event-attendance";

	/** The survey's latest {@link Snapshots.Survey}. */
	public static final String SURVEY = "survey-progress";

	static final List<String> SOURCES = List.of(Topics.DIRECTORY_ENGAGEMENT, Topics.REFERRAL_LIFECYCLE,
			Topics.LISTING_CHANGES);

	private CountingTopology() {
	}

	/** An event as read, with the validator's verdict. Never serialized: it lives between two processors. */
	record Checked(String raw, EventValidator.Result result) {

	}

	/** The topology with RocksDB stores, backed by changelog topics: what the service runs. */
	public static void build(StreamsBuilder builder, ZoneId zone, Duration dedupWindow) {
		build(builder, zone, dedupWindow, true);
	}

	/**
	 * @param persistent RocksDB stores; in-memory ones (still changelogged) keep {@code TopologyTestDriver} tests fast,
	 *     since the driver commits, and so checkpoints every RocksDB store, after each record
	 */
	public static void build(StreamsBuilder builder, ZoneId zone, Duration dedupWindow, boolean persistent) {
		builder.addStateStore(Stores.windowStoreBuilder(persistent
				? Stores.persistentWindowStore(SEEN_EVENTS, dedupWindow, dedupWindow, false)
				: Stores.inMemoryWindowStore(SEEN_EVENTS, dedupWindow, dedupWindow, false), Serdes.String(),
				Serdes.Long()));
		for (String store : List.of(REFERRALS, LISTINGS, REFERRED_LISTINGS, ATTENDANCE, SURVEY)) {
			builder.addStateStore(Stores.keyValueStoreBuilder(persistent ? Stores.persistentKeyValueStore(store)
					: Stores.inMemoryKeyValueStore(store), Serdes.String(), Serdes.String()));
		}
		EventValidator validator = new EventValidator();
		KStream<String, Checked> checked = builder
			.stream(SOURCES, Consumed.with(Serdes.String(), Serdes.String()).withName("events"))
			.mapValues(raw -> new Checked(raw, validator.validate(raw)), Named.as("validate"));

		checked.split(Named.as("events-"))
			.branch((k, v) -> v.result() instanceof Rejection, Branched.withConsumer(rejected -> rejected
				.processValues(DeadLetter::new, Named.as("dead-letter-reason"))
				.to((key, value, context) -> Topics.deadLetterOf(context.topic()),
						Produced.with(Serdes.String(), Serdes.String()).withName("dead-letter")),
					"rejected"))
			.defaultBranch(Branched.withConsumer(accepted -> accepted
				.mapValues(v -> (Accepted) v.result(), Named.as("accepted"))
				.process(() -> new Counting(zone, dedupWindow), Named.as("count-once"), SEEN_EVENTS, REFERRALS,
						LISTINGS, REFERRED_LISTINGS, ATTENDANCE, SURVEY)
				.groupByKey(Grouped.with("counter-changes", Serdes.String(), Serdes.Long()))
				.reduce(Long::sum, Named.as("sum"), (persistent ? Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(COUNTS)
						: Materialized.<String, Long>as(Stores.inMemoryKeyValueStore(COUNTS)))
					.withKeySerde(Serdes.String())
					.withValueSerde(Serdes.Long())), "valid"));
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
