package org.workforcepathways.contracts;

/**
 * One kind of event: its CloudEvents {@code type}, the topic it travels on, its payload record and the JSON Schema
 * (a classpath resource) that every event of this type satisfies.
 *
 * @param <T> the payload record
 */
public record EventType<T>(String name, String topic, Class<T> payload, String schemaResource) {

	/** The CloudEvents {@code dataschema}: where the schema is published relative to the contracts' root. */
	public String dataschema() {
		return "/" + schemaResource;
	}

}
