package org.workforcepathways.directory.hsds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import org.workforcepathways.directory.hsds.HsdsTabularModel.Child;
import org.workforcepathways.directory.hsds.HsdsTabularModel.Kind;

/**
 * Nested documents to table rows: every nested object becomes a row of its type's table, with the column linking it to
 * its parent filled. An object met again (a phone under the service, its location and its contact) is merged into
 * the row of its first appearance; a column the appearances disagree on cannot be written as one row and is refused.
 */
final class HsdsTabularFlattening {

	private final HsdsTabularModel model;

	/** Type, then id, then row; both in order of first appearance. */
	private final Map<String, Map<String, ObjectNode>> rows = new LinkedHashMap<>();

	HsdsTabularFlattening(HsdsTabularModel model) {
		this.model = model;
		model.kinds().keySet().forEach(type -> rows.put(type, new LinkedHashMap<>()));
	}

	/** @param where how messages name the document, e.g. {@code services[0]} */
	void add(String type, JsonNode document, String where) {
		put(model.kind(type), document, null, null, true, where);
	}

	/** Every table of the data package, empty ones included. */
	HsdsTabular.Tables tables() {
		Map<String, List<ObjectNode>> tables = new LinkedHashMap<>();
		model.kinds().values().forEach(kind -> tables.put(kind.file(), List.copyOf(rows.get(kind.type()).values())));
		return new HsdsTabular.Tables(tables);
	}

	/** Adds the object and everything under it; returns its id. */
	private String put(Kind kind, JsonNode node, @Nullable Child via, @Nullable String parentId, boolean root,
			String where) {
		if (!node.isObject()) {
			throw new IllegalArgumentException(where + " is not an object");
		}
		String id = HsdsTabularNesting.text(node.get("id"));
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException(where + " has no id");
		}
		ObjectNode row = JsonNodeFactory.instance.objectNode();
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			if (!property.getValue().isNull()) {
				putProperty(kind, row, id, property.getKey(), property.getValue(), root, where + "." + property.getKey());
			}
		}
		if (via != null && parentId != null) {
			set(row, via.link(), StringNode.valueOf(parentId), where);
		}
		merge(kind, id, row, where);
		return id;
	}

	private void putProperty(Kind kind, ObjectNode row, String id, String name, JsonNode value, boolean root,
			String where) {
		Child child = root && kind.documentChildren().containsKey(name) ? kind.documentChildren().get(name)
				: kind.children().get(name);
		if (child == null) {
			if (!kind.columns().containsKey(name)) {
				throw new IllegalArgumentException(where + " is no property of an HSDS " + kind.type());
			}
			set(row, name, value, where);
		}
		else if (!child.array()) {
			String childId = put(model.kind(child.type()), value, null, null, false, where);
			set(row, child.link(), StringNode.valueOf(childId), where);
		}
		else if (!value.isArray()) {
			throw new IllegalArgumentException(where + " is not an array");
		}
		else {
			for (int i = 0; i < value.size(); i++) {
				put(model.kind(child.type()), value.get(i), child, id, false, where + "[" + i + "]");
			}
		}
	}

	/**
	 * Sets a cell once: a link the nesting implies must agree with what the object says itself
	 * ({@code "organization_id"} beside {@code "organization"}), whichever comes first.
	 */
	private static void set(ObjectNode row, String column, JsonNode value, String where) {
		JsonNode present = row.get(column);
		if (present != null && !present.equals(value)) {
			throw new IllegalArgumentException(where + ": " + column + " is both " + present + " and " + value);
		}
		row.set(column, value);
	}

	private void merge(Kind kind, String id, ObjectNode row, String where) {
		ObjectNode first = rows.get(kind.type()).putIfAbsent(id, row);
		if (first == null) {
			return;
		}
		for (Map.Entry<String, JsonNode> cell : row.properties()) {
			JsonNode before = first.get(cell.getKey());
			if (before == null) {
				first.set(cell.getKey(), cell.getValue());
			}
			else if (!before.equals(cell.getValue())) {
				throw new IllegalArgumentException(kind.file() + " row " + id + " (again at " + where + "): "
						+ cell.getKey() + " is both " + before + " and " + cell.getValue());
			}
		}
	}

}
