package org.workforcepathways.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope (structured JSON mode) around an event payload. The id lets consumers drop duplicates.
 *
 * @param <T> the payload record
 */
public record CloudEvent<T>(String specversion, String id, String source, String type, Instant time, String dataschema,
		String datacontenttype, T data) {

	public static final String SPEC_VERSION = "1.0";

	public CloudEvent {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(time, "time");
		Objects.requireNonNull(data, "data");
	}

	/** A new event with a fresh id, stamped now. */
	public static <T> CloudEvent<T> of(EventType<T> type, String source, T data) {
		return of(type, source, data, Instant.now());
	}

	public static <T> CloudEvent<T> of(EventType<T> type, String source, T data, Instant time) {
		return new CloudEvent<>(SPEC_VERSION, UUID.randomUUID().toString(), source, type.name(), time,
				type.dataschema(), "application/json", data);
	}

}
