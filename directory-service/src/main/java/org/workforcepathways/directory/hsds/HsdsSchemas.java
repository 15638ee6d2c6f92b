package org.workforcepathways.directory.hsds;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * The official HSDS 3.0 JSON schemas (copied under {@code hsds/schema/} with their CC BY-SA 4.0 licence), with format
 * assertions on, so an id that is not a UUID or a malformed email or URI is an error, not a note.
 */
@Component
public class HsdsSchemas {

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	/** A violation: where in the document, and the rule it broke. */
	public record Violation(String path, String rule) {

		@Override
		public String toString() {
			return "schema: " + path + ": " + rule;
		}

	}

	/** Checks a nested service document against {@code compiled/service_with_definitions.json}. */
	public List<Violation> service(JsonNode document) {
		return check("compiled/service_with_definitions.json", document);
	}

	/**
	 * Checks a document against one HSDS object's schema.
	 *
	 * @param object organization, location, taxonomy_term, taxonomy, ...
	 */
	public List<Violation> object(String object, JsonNode document) {
		return check(object + ".json", document);
	}

	private List<Violation> check(String file, JsonNode document) {
		Schema schema = schemas.computeIfAbsent(file,
				f -> REGISTRY.getSchema(SchemaLocation.of("classpath:hsds/schema/" + f)));
		return schema.validate(document)
			.stream()
			.map(e -> new Violation(e.getInstanceLocation().toString(), e.getMessage()))
			.toList();
	}

}
