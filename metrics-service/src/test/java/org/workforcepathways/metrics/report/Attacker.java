package org.workforcepathways.metrics.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Tries to recover withheld counts from a report, using everything it shows: each table's rows and total, the
 * markers ("&lt;k" is 1 to k-1; "suppressed" is at least k beside small cells, anything otherwise), shares given for
 * rows, and the ratings' average. Returns what it recovered, as "path row = value".
 */
final class Attacker {

	private static final long UNBOUNDED = Long.MAX_VALUE / 4;

	private final int threshold;

	Attacker(int threshold) {
		this.threshold = threshold;
	}

	List<String> recover(JsonNode report) {
		List<String> found = new ArrayList<>();
		walk("", report, found);
		return found;
	}

	private void walk(String path, JsonNode node, List<String> found) {
		if (node.isObject() && node.has("rows") && node.has("total") && node.has("additive")) {
			attackTable(path, node, found);
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				walk(path + "." + field.getKey(), field.getValue(), found);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				walk(path + "[" + i + "]", node.get(i), found);
			}
		}
	}

	private void attackTable(String path, JsonNode table, List<String> found) {
		JsonNode rows = table.get("rows");
		boolean anySmall = false;
		for (JsonNode row : rows) {
			anySmall |= isSmall(row.get("count"));
		}
		int n = rows.size();
		long[] low = new long[n];
		long[] high = new long[n];
		long shownSum = 0;
		for (int i = 0; i < n; i++) {
			JsonNode count = rows.get(i).get("count");
			JsonNode share = rows.get(i).get("share");
			JsonNode total = table.get("total");
			if (count.isNumber()) {
				low[i] = high[i] = count.asLong();
				shownSum += count.asLong();
			}
			else {
				// a share of a shown total gives the row away
				if (share != null && share.isNumber() && total.isNumber()) {
					found.add(path + " " + rows.get(i).get("key").asString() + " = " + Math.round(share.asDouble() * total.asLong())
							+ " (from its share)");
				}
				if (isSmall(count)) {
					low[i] = 1;
					high[i] = threshold - 1;
				}
				else {
					low[i] = anySmall ? threshold : 0;
					high[i] = UNBOUNDED;
				}
			}
		}
		if (!table.get("additive").asBoolean()) {
			return;
		}
		JsonNode total = table.get("total");
		long sumLow;
		long sumHigh;
		if (total.isNumber()) {
			sumLow = sumHigh = total.asLong();
		}
		else if (isSmall(total)) {
			sumLow = 1;
			sumHigh = threshold - 1;
		}
		else {
			return;
		}
		for (int i = 0; i < n; i++) {
			if (rows.get(i).get("count").isNumber()) {
				continue;
			}
			long othersLow = 0;
			long othersHigh = 0;
			for (int j = 0; j < n; j++) {
				if (j != i) {
					othersLow += low[j];
					othersHigh = Math.min(UNBOUNDED, othersHigh + high[j]);
				}
			}
			long min = Math.max(low[i], sumLow - othersHigh);
			long max = Math.min(high[i], sumHigh - othersLow);
			if (min == max) {
				found.add(path + " " + rows.get(i).get("key").asString() + " = " + min);
			}
		}
	}

	private boolean isSmall(JsonNode count) {
		return count.isString() && count.asString().equals("<" + threshold);
	}

	/** A retention rate across cohorts must not stand beside a cohort's withheld employed or not-employed count. */
	static boolean overallRateBesideWithheldCohort(JsonNode report) {
		JsonNode retention = report.get("retention");
		for (JsonNode overall : retention.get("overall")) {
			if (overall.get("rate").isNull()) {
				continue;
			}
			for (JsonNode cohort : retention.get("cohorts")) {
				for (JsonNode checkpoint : cohort.get("checkpoints")) {
					if (checkpoint.get("day").asInt() == overall.get("day").asInt()) {
						for (JsonNode row : checkpoint.at("/outcome/rows")) {
							String key = row.get("key").asString();
							if ((key.equals("employed") || key.equals("not_employed")) && !row.get("count").isNumber()) {
								return true;
							}
						}
					}
				}
			}
		}
		return false;
	}

	/** The ratings' average must not stand beside a withheld star count. */
	static boolean averageBesideWithheldStars(JsonNode report) {
		JsonNode ratings = report.get("ratings");
		if (ratings.get("average").isNull()) {
			return false;
		}
		for (JsonNode row : ratings.get("stars").get("rows")) {
			if (!row.get("count").isNumber()) {
				return true;
			}
		}
		return false;
	}

}
