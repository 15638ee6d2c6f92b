package org.workforcepathways.metrics.report;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Counts by group or by period, as shown. When {@code additive}, the rows add up to the total, and suppression makes
 * sure no withheld row can be worked out from the total and the others.
 *
 * @param share each row's share of the total, only where both are shown
 */
public record Table(boolean additive, List<Row> rows, Figure total) {

	public record Row(String key, Figure count, @Nullable Double share) {

	}

	public Figure row(String key) {
		return rows.stream().filter(r -> r.key().equals(key)).map(Row::count).findFirst().orElse(Figure.of(0));
	}

}
