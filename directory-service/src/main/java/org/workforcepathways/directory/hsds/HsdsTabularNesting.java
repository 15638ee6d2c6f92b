package org.workforcepathways.directory.hsds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.workforcepathways.directory.hsds.HsdsTabularModel.Child;
import org.workforcepathways.directory.hsds.HsdsTabularModel.Kind;

/**
 * Tables to nested documents, for one set of tables: rows are indexed on first use by id and by link column. An array
 * child is every row whose link column holds the parent's id (so a phone row with service_id, location_id and
 * contact_id set appears under each of them); a single object is the row the parent's own column names.
 */
final class HsdsTabularNesting {

	private final HsdsTabularModel model;

	private final HsdsTabular.Tables tables;

	private final Map<String, Map<String, ObjectNode>> byId = new HashMap<>();

	private final Map<Child, Map<String, List<ObjectNode>>> byLink = new HashMap<>();

	HsdsTabularNesting(HsdsTabularModel model, HsdsTabular.Tables tables) {
		this.model = model;
		this.tables = tables;
	}

	/** One document per row of the type's table, in table order. */
	List<ObjectNode> documents(String type) {
		Kind kind = model.kind(type);
		return rows(kind).stream().map(row -> nest(kind, row, null, true)).toList();
	}

	/**
	 * @param via the link from the parent this row is nested under; its column is dropped and an object child reached
	 * through the same column (a service's organization, under that organization) is left out
	 */
	private ObjectNode nest(Kind kind, ObjectNode row, @Nullable Child via, boolean root) {
		Map<String, ObjectNode> objects = objects(kind, row, via);
		Set<String> hidden = new HashSet<>(kind.parentLinks());
		objects.keySet().forEach(property -> hidden.add(kind.children().get(property).link()));
		if (via != null) {
			hidden.add(via.link());
		}
		ObjectNode out = JsonNodeFactory.instance.objectNode();
		@Nullable String id = text(row.get("id"));
		for (String property : kind.properties()) {
			Child child = kind.children().get(property);
			if (child == null) {
				if (row.hasNonNull(property) && !hidden.contains(property)) {
					// a copy, so callers may edit one document without touching another or the tables
					out.set(property, row.get(property).deepCopy());
				}
			}
			else if (child.array()) {
				addArray(out, child, id);
			}
			else if (objects.containsKey(property)) {
				out.set(property, nest(model.kind(child.type()), objects.get(property), null, false));
			}
		}
		if (root) {
			kind.documentChildren().values().forEach(child -> addArray(out, child, id));
		}
		return out;
	}

	private Map<String, ObjectNode> objects(Kind kind, ObjectNode row, @Nullable Child via) {
		Map<String, ObjectNode> objects = new LinkedHashMap<>();
		for (Child child : kind.objectChildren()) {
			if (via != null && child.link().equals(via.link())) {
				continue;
			}
			ObjectNode target = byId(child.type()).get(text(row.get(child.link())));
			if (target != null) {
				objects.put(child.property(), target);
			}
		}
		return objects;
	}

	/** Empty arrays are left out, as in the official nested examples. */
	private void addArray(ObjectNode out, Child child, @Nullable String parentId) {
		List<ObjectNode> rows = parentId == null ? List.of() : byLink(child).getOrDefault(parentId, List.of());
		if (rows.isEmpty()) {
			return;
		}
		Kind kind = model.kind(child.type());
		ArrayNode array = out.putArray(child.property());
		rows.forEach(row -> array.add(nest(kind, row, child, false)));
	}

	private Map<String, ObjectNode> byId(String type) {
		return byId.computeIfAbsent(type, t -> {
			Map<String, ObjectNode> index = new HashMap<>();
			rows(model.kind(t)).forEach(row -> {
				String id = text(row.get("id"));
				if (id != null) {
					index.putIfAbsent(id, row);
				}
			});
			return index;
		});
	}

	private Map<String, List<ObjectNode>> byLink(Child child) {
		return byLink.computeIfAbsent(child, c -> {
			Map<String, List<ObjectNode>> index = new HashMap<>();
			rows(model.kind(c.type())).forEach(row -> {
				String parent = text(row.get(c.link()));
				if (parent != null) {
					index.computeIfAbsent(parent, p -> new ArrayList<>()).add(row);
				}
			});
			return index;
		});
	}

	private List<ObjectNode> rows(Kind kind) {
		return tables.table(kind.file());
	}

	/** Ids and links as text; a non-scalar cell links nothing. */
	static @Nullable String text(@Nullable JsonNode node) {
		return node == null || !node.isValueNode() || node.isNull() ? null : node.asString();
	}

}
