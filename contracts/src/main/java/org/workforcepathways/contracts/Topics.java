package org.workforcepathways.contracts;

import java.util.List;

/**
 * The Kafka topics that cross service boundaries, with the partition counts they are created with.
 * Keys are chosen per entity so that events about one thing stay in order.
 */
public final class Topics {

	public static final String DIRECTORY_ENGAGEMENT = "directory.engagement";

	public static final String REFERRAL_LIFECYCLE = "referral.lifecycle";

	public static final String LISTING_CHANGES = "listing.changes";

	/** Suffix of the dead-letter topic that consumers send an invalid event to, with the reason in a header. */
	public static final String DEAD_LETTER_SUFFIX = ".dlt";

	/** Header on a dead-lettered record saying why it was rejected. */
	public static final String DEAD_LETTER_REASON_HEADER = "wrd-dlt-reason";

	public static final int DEFAULT_PARTITIONS = 3;

	private Topics() {
	}

	public static String deadLetterOf(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

	/** Every topic, its dead-letter topic included, that the stack creates before services start. */
	public static List<TopicSpec> all() {
		return List.of(DIRECTORY_ENGAGEMENT, REFERRAL_LIFECYCLE, LISTING_CHANGES)
			.stream()
			.flatMap(t -> List.of(new TopicSpec(t, DEFAULT_PARTITIONS), new TopicSpec(deadLetterOf(t), 1)).stream())
			.toList();
	}

	public record TopicSpec(String name, int partitions) {
	}

}
