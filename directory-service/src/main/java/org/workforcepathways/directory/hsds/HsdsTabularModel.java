package org.workforcepathways.directory.hsds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the tabular conversion needs from the HSDS 3.0 schemas, read once: for every object type its table (the data
 * package resource of the same name) with typed columns, and which properties of the nested schema hold other objects
 * and through which column the tables link them.
 *
 * @param kinds by type name, in data package order (the order tables are written in)
 * @param byFile the same kinds by CSV file name
 */
record HsdsTabularModel(Map<String, Kind> kinds, Map<String, Kind> byFile) {

	static final String SERVICE = "service";

	static final String ORGANIZATION = "organization";

	/** Attributes and metadata hang under any type through one untyped column instead of a {@code <type>_id}. */
	private static final Map<String, String> POLYMORPHIC_LINKS = Map.of("attribute", "link_id", "metadata",
			"resource_id");

	private static final String REF_PREFIX = "#/definitions/";

	/** A table column; {@code type} is the Frictionless field type (string, number, integer, boolean, date...). */
	record Column(String name, String type) {

	}

	/**
	 * A property holding nested objects. For an array, {@code link} is the column of the child's table holding the
	 * parent's id; for a single object, the column of the parent's table holding the child's id.
	 */
	record Child(String property, String type, boolean array, String link) {

	}

	/**
	 * One object type.
	 *
	 * @param properties the nested schema's properties in schema order: columns and children
	 * @param documentChildren children a document of this type has only at its root (an organization document lists
	 * its services; an organization nested in a service does not)
	 * @param parentLinks columns that only link a row to an array parent; the nested form drops them, since the
	 * nesting says the same (a phone under a service carries no service_id, nor location_id)
	 */
	record Kind(String type, String file, Map<String, Column> columns, List<String> properties,
			Map<String, Child> children, Map<String, Child> documentChildren, Set<String> parentLinks) {

		List<Child> objectChildren() {
			return children.values().stream().filter(c -> !c.array()).toList();
		}

	}

	Kind kind(String type) {
		Kind kind = kinds.get(type);
		if (kind == null) {
			throw new IllegalStateException("No HSDS type " + type);
		}
		return kind;
	}

	/**
	 * Builds the model from the data package and the compiled service schema (whose root is the service and whose
	 * {@code definitions} hold every other type).
	 */
	static HsdsTabularModel of(JsonNode datapackage, JsonNode serviceSchema) {
		Map<String, JsonNode> resources = new LinkedHashMap<>();
		datapackage.path("resources").forEach(r -> resources.put(r.path("name").asString(), r));
		Map<String, JsonNode> definitions = new LinkedHashMap<>();
		definitions.put(SERVICE, serviceSchema);
		serviceSchema.path("definitions").properties().forEach(e -> definitions.put(e.getKey(), e.getValue()));

		Map<String, Map<String, Child>> children = new LinkedHashMap<>();
		definitions.forEach((type, definition) -> children.put(type, children(type, definition, resources)));
		requireTree(children);
		// organization_full.json lists the organization's services; the compiled schema's organization does not
		Child services = new Child("services", SERVICE, true, foreignKey(SERVICE, ORGANIZATION, resources));
		Map<String, Set<String>> parentLinks = parentLinks(children, services);

		Map<String, Kind> kinds = new LinkedHashMap<>();
		Map<String, Kind> byFile = new LinkedHashMap<>();
		resources.forEach((type, resource) -> {
			JsonNode definition = definitions.get(type);
			Map<String, Column> columns = columns(resource);
			Kind kind = new Kind(type, resource.path("path").asString(), columns,
					definition == null ? List.copyOf(columns.keySet()) : properties(type, definition, columns),
					children.getOrDefault(type, Map.of()),
					type.equals(ORGANIZATION) ? Map.of(services.property(), services) : Map.of(),
					parentLinks.getOrDefault(type, Set.of()));
			kinds.put(type, kind);
			byFile.put(kind.file(), kind);
		});
		for (String type : definitions.keySet()) {
			if (!kinds.containsKey(type)) {
				throw new IllegalStateException("HSDS type " + type + " has no table in the data package");
			}
		}
		return new HsdsTabularModel(Collections.unmodifiableMap(kinds), Collections.unmodifiableMap(byFile));
	}

	private static Map<String, Column> columns(JsonNode resource) {
		Map<String, Column> columns = new LinkedHashMap<>();
		resource.path("schema")
			.path("fields")
			.forEach(f -> columns.put(f.path("name").asString(),
					new Column(f.path("name").asString(), f.path("type").asString("string"))));
		return Collections.unmodifiableMap(columns);
	}

	/** Schema property order; every scalar property must be a column, so nothing is silently lost either way. */
	private static List<String> properties(String type, JsonNode definition, Map<String, Column> columns) {
		List<String> properties = new ArrayList<>(definition.path("properties").propertyNames());
		for (String property : properties) {
			if (ref(definition.path("properties").path(property)) == null && !columns.containsKey(property)) {
				throw new IllegalStateException("HSDS " + type + "." + property + " is no column of its table");
			}
		}
		return List.copyOf(properties);
	}

	private static Map<String, Child> children(String type, JsonNode definition, Map<String, JsonNode> resources) {
		Map<String, Child> children = new LinkedHashMap<>();
		definition.path("properties").properties().forEach(e -> {
			String childType = ref(e.getValue());
			if (childType != null) {
				boolean array = e.getValue().has("items");
				String link = array ? arrayLink(childType, type, resources) : foreignKey(type, childType, resources);
				children.put(e.getKey(), new Child(e.getKey(), childType, array, link));
			}
		});
		return Map.copyOf(children);
	}

	private static @Nullable String ref(JsonNode property) {
		String ref = property.path("$ref").asString(property.path("items").path("$ref").asString(""));
		return ref.startsWith(REF_PREFIX) ? ref.substring(REF_PREFIX.length()) : null;
	}

	/** The child's column holding its array parent's id: its foreign key to the parent, else the polymorphic link. */
	private static String arrayLink(String childType, String parentType, Map<String, JsonNode> resources) {
		String polymorphic = POLYMORPHIC_LINKS.get(childType);
		List<String> keys = foreignKeys(childType, parentType, resources);
		if (keys.isEmpty() && polymorphic != null) {
			return polymorphic;
		}
		return single(keys, childType, parentType);
	}

	private static String foreignKey(String fromType, String toType, Map<String, JsonNode> resources) {
		return single(foreignKeys(fromType, toType, resources), fromType, toType);
	}

	private static String single(List<String> keys, String fromType, String toType) {
		if (keys.size() == 1) {
			return keys.get(0);
		}
		if (keys.contains(toType + "_id")) {
			return toType + "_id";
		}
		throw new IllegalStateException("No single column links HSDS " + fromType + " to " + toType + ": " + keys);
	}

	private static List<String> foreignKeys(String fromType, String toType, Map<String, JsonNode> resources) {
		JsonNode resource = resources.get(fromType);
		if (resource == null) {
			throw new IllegalStateException("HSDS type " + fromType + " has no table in the data package");
		}
		List<String> keys = new ArrayList<>();
		resource.path("schema").path("foreignKeys").forEach(fk -> {
			JsonNode fields = fk.path("fields");
			if (fk.path("reference").path("resource").asString().equals(toType)) {
				keys.add(fields.isArray() ? fields.path(0).asString() : fields.asString());
			}
		});
		return keys;
	}

	private static Map<String, Set<String>> parentLinks(Map<String, Map<String, Child>> children, Child services) {
		Map<String, Set<String>> links = new LinkedHashMap<>();
		List<Child> all = new ArrayList<>(List.of(services));
		children.values().forEach(c -> all.addAll(c.values()));
		all.stream()
			.filter(Child::array)
			.forEach(c -> links.computeIfAbsent(c.type(), t -> new LinkedHashSet<>()).add(c.link()));
		// a link that is also the row's own object reference (service.organization_id) stays visible when the object
		// cannot be found, so the nested form keeps a dangling reference instead of losing it
		children.forEach((type, own) -> own.values()
			.stream()
			.filter(c -> !c.array())
			.forEach(c -> links.getOrDefault(type, new HashSet<>()).remove(c.link())));
		links.replaceAll((type, set) -> Set.copyOf(set));
		return links;
	}

	/** Nesting follows the types, not the data; a cycle in the schema would nest forever. */
	private static void requireTree(Map<String, Map<String, Child>> children) {
		children.keySet().forEach(type -> walk(type, children, new LinkedHashSet<>()));
	}

	private static void walk(String type, Map<String, Map<String, Child>> children, Set<String> path) {
		if (!path.add(type)) {
			throw new IllegalStateException("HSDS types nest in a cycle: " + path + " -> " + type);
		}
		children.getOrDefault(type, Map.of()).values().forEach(c -> walk(c.type(), children, path));
		path.remove(type);
	}

}
