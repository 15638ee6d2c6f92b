package org.workforcepathways.contracts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes event envelopes as JSON. Unknown fields are ignored so that a newer producer never breaks an older
 * consumer; the schema check ({@link EventValidator}) is what rejects malformed events.
 */
public final class EventJson {

	// an optional yes/no or count the producer left out reads as false or 0, as the schemas allow
	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private EventJson() {
	}

	public static String write(CloudEvent<?> event) {
		return MAPPER.writeValueAsString(event);
	}

	public static JsonNode tree(String json) {
		return MAPPER.readTree(json);
	}

	public static <T> CloudEvent<T> read(JsonNode tree, EventType<T> type) {
		JavaType javaType = MAPPER.getTypeFactory().constructParametricType(CloudEvent.class, type.payload());
		return MAPPER.treeToValue(tree, javaType);
	}

}
