package org.workforcepathways.metrics.report;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report as CSV, one figure per line ({@code figure,label,value,share}), with exactly the values the JSON shows:
 * withheld counts stay {@code "<10"} or {@code "suppressed"}. Table rows are labelled by their key; items of a list by
 * the field that names them.
 */
final class ReportCsv {

	private static final List<String> NAMING_FIELDS = List.of("key", "bucket", "code", "cohort", "month", "week",
			"query", "listingId", "stage", "day");

	private ReportCsv() {
	}

	static String write(CampaignReport report, JsonMapper json) {
		StringBuilder out = new StringBuilder("figure,label,value,share\n");
		JsonNode tree = json.valueToTree(report);
		for (String section : List.of("traffic", "intakes", "referrals", "enrollment", "equity", "retention",
				"unfilledSeats", "careerEvents", "ratings", "survey", "channels")) {
			walk(section, tree.get(section), out);
		}
		return out.toString();
	}

	private static void walk(String path, JsonNode node, StringBuilder out) {
		if (node == null || node.isNull()) {
			return;
		}
		if (node.isObject() && node.has("rows") && node.has("total")) {
			for (JsonNode row : node.get("rows")) {
				line(out, path, row.get("key").asString(), row.get("count"), row.get("share"));
			}
			line(out, path, "total", node.get("total"), null);
			return;
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				walk(path + "." + field.getKey(), field.getValue(), out);
			}
			return;
		}
		if (node.isArray()) {
			int i = 0;
			for (JsonNode item : node) {
				walk(path + "[" + name(item, i++) + "]", item, out);
			}
			return;
		}
		line(out, path, "", node, null);
	}

	private static String name(JsonNode item, int index) {
		if (item.isObject()) {
			StringBuilder name = new StringBuilder();
			for (String field : NAMING_FIELDS) {
				if (item.has(field) && !item.get(field).isNull() && !item.get(field).isContainer()) {
					name.append(name.isEmpty() ? "" : " ").append(item.get(field).asString());
				}
			}
			if (item.has("dimension") && item.has("group")) {
				name.append(name.isEmpty() ? "" : " ").append(item.get("dimension").asString()).append(':')
					.append(item.get("group").asString());
			}
			if (!name.isEmpty()) {
				return name.toString();
			}
		}
		return Integer.toString(index);
	}

	private static void line(StringBuilder out, String figure, String label, JsonNode value, JsonNode share) {
		out.append(cell(figure)).append(',').append(cell(label)).append(',')
			.append(cell(value == null || value.isNull() ? "" : value.asString())).append(',')
			.append(share == null || share.isNull() ? "" : share.asString()).append('\n');
	}

	// quoted always where needed; a leading =, +, - or @ cannot start a formula in a spreadsheet
	private static String cell(String s) {
		String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?") ? "'" + s : s;
		return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("<") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
	}

}
