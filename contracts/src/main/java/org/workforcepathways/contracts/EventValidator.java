package org.workforcepathways.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks a raw event against the JSON Schema of its declared type. Consumers call it before they count anything, and
 * send what fails to the topic's dead-letter topic with {@link Rejection#reason()}.
 */
public final class EventValidator {

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	/** The outcome: either the parsed event or why it was rejected. */
	public sealed interface Result permits Accepted, Rejection {

	}

	public record Accepted(EventType<?> type, JsonNode tree) implements Result {

		public <T> Optional<CloudEvent<T>> as(EventType<T> wanted) {
			return wanted.equals(type) ? Optional.of(EventJson.read(tree, wanted)) : Optional.empty();
		}

	}

	public record Rejection(String reason) implements Result {

	}

	public Result validate(String json) {
		if (json == null || json.isBlank()) {
			return new Rejection("empty event");
		}
		JsonNode tree;
		try {
			tree = EventJson.tree(json);
		}
		catch (JacksonException ex) {
			return new Rejection("not JSON: " + ex.getOriginalMessage());
		}
		if (!tree.isObject()) {
			return new Rejection("not a JSON object");
		}
		JsonNode typeNode = tree.get("type");
		if (typeNode == null || !typeNode.isString()) {
			return new Rejection("missing CloudEvents attribute 'type'");
		}
		Optional<EventType<?>> type = EventTypes.byName(typeNode.asString());
		if (type.isEmpty()) {
			return new Rejection("unknown event type '" + abbreviate(typeNode.asString()) + "'");
		}
		List<com.networknt.schema.Error> errors = schemaOf(type.get()).validate(tree);
		if (!errors.isEmpty()) {
			return new Rejection(errors.stream()
				.limit(5)
				.map(e -> e.getInstanceLocation() + ": " + e.getMessage())
				.reduce((a, b) -> a + "; " + b)
				.orElseThrow());
		}
		try {
			// what passes the schema must also read as its payload record, or a consumer would fail on it later
			EventJson.read(tree, type.get());
		}
		catch (JacksonException ex) {
			return new Rejection("does not read as " + type.get().payload().getSimpleName() + ": "
					+ abbreviate(ex.getOriginalMessage()));
		}
		return new Accepted(type.get(), tree);
	}

	private Schema schemaOf(EventType<?> type) {
		return schemas.computeIfAbsent(type.schemaResource(), resource -> {
			try (InputStream in = EventValidator.class.getClassLoader().getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException("schema not on the classpath: " + resource);
				}
				return REGISTRY.getSchema(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static String abbreviate(String s) {
		return s.length() <= 80 ? s : s.substring(0, 80) + "…";
	}

}
