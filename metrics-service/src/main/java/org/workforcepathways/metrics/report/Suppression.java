package org.workforcepathways.metrics.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Small-cell suppression. Any count from 1 to {@code threshold - 1} shows as {@code "<threshold"} (primary
 * suppression). In a table whose rows add up to a shown total, more rows are withheld as {@code "suppressed"}
 * (complementary suppression), smallest first, until every withheld row could still be at least two values given
 * everything the table shows: a withheld small row is somewhere from 1 to threshold-1, a complementary one at least
 * the threshold, and together they make the total minus the shown rows. When no choice of rows achieves that, every
 * row of the table is withheld. Zero shows as 0: it describes nobody.
 */
public final class Suppression {

	private final int threshold;

	public Suppression(int threshold) {
		if (threshold < 5) {
			throw new IllegalArgumentException("the suppression threshold is never below 5");
		}
		this.threshold = threshold;
	}

	public int threshold() {
		return threshold;
	}

	/** A count standing on its own. */
	public Figure figure(long count) {
		return count >= 1 && count < threshold ? Figure.small(threshold) : Figure.of(Math.max(0, count));
	}

	/** Rows that add up to their total. */
	public Table additive(Map<String, Long> counts) {
		List<String> keys = new ArrayList<>(counts.keySet());
		long[] c = keys.stream().mapToLong(k -> Math.max(0, counts.get(k))).toArray();
		long total = 0;
		for (long v : c) {
			total += v;
		}
		Figure[] shown = new Figure[c.length];
		if (total < threshold) {
			// the total is small itself: every non-zero row is too, and the total shows as small
			for (int i = 0; i < c.length; i++) {
				shown[i] = figure(c[i]);
			}
			return table(true, keys, shown, figure(total));
		}
		List<Integer> primary = IntStream.range(0, c.length).filter(i -> c[i] >= 1 && c[i] < threshold).boxed().toList();
		List<Integer> complement = new ArrayList<>();
		if (!primary.isEmpty()) {
			List<Integer> candidates = IntStream.range(0, c.length)
				.filter(i -> c[i] >= threshold)
				.boxed()
				.sorted(Comparator.comparingLong(i -> c[i]))
				.toList();
			int next = 0;
			while (!safe(c, primary, complement) && next < candidates.size()) {
				complement.add(candidates.get(next++));
			}
			if (!safe(c, primary, complement)) {
				for (int i = 0; i < c.length; i++) {
					shown[i] = Figure.hidden();
				}
				return table(true, keys, shown, Figure.of(total));
			}
		}
		for (int i = 0; i < c.length; i++) {
			shown[i] = primary.contains(i) ? Figure.small(threshold) : complement.contains(i) ? Figure.hidden() : Figure.of(c[i]);
		}
		return table(true, keys, shown, Figure.of(total));
	}

	/** Rows that do not add up (a person may be in several), over a total counted apart. */
	public Table overlapping(Map<String, Long> counts, long total) {
		List<String> keys = new ArrayList<>(counts.keySet());
		Figure[] shown = keys.stream().map(k -> figure(counts.get(k))).toArray(Figure[]::new);
		return table(false, keys, shown, figure(total));
	}

	private static Table table(boolean additive, List<String> keys, Figure[] shown, Figure total) {
		List<Table.Row> rows = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			Double share = shown[i].shown() && total.shown() && total.value() > 0
					? Math.round(10000.0 * shown[i].value() / total.value()) / 10000.0 : null;
			rows.add(new Table.Row(keys.get(i), shown[i], share));
		}
		return new Table(additive, rows, total);
	}

	/** Whether every withheld row could be at least two values, given the shown rows and the total. */
	private boolean safe(long[] c, List<Integer> primary, List<Integer> complement) {
		List<Integer> withheld = new ArrayList<>(primary);
		withheld.addAll(complement);
		if (withheld.size() < 2) {
			return false;
		}
		long sum = withheld.stream().mapToLong(i -> c[i]).sum();
		for (int i : withheld) {
			long lowOthers = 0;
			long highOthers = 0;
			boolean unbounded = false;
			for (int j : withheld) {
				if (j == i) {
					continue;
				}
				lowOthers += primary.contains(j) ? 1 : threshold;
				if (primary.contains(j)) {
					highOthers += threshold - 1;
				}
				else {
					unbounded = true;
				}
			}
			long low = primary.contains(i) ? 1 : threshold;
			long high = primary.contains(i) ? threshold - 1 : Long.MAX_VALUE;
			long min = unbounded ? low : Math.max(low, sum - highOthers);
			long max = Math.min(high, sum - lowOthers);
			if (max - min < 1) {
				return false;
			}
		}
		return true;
	}

	/** Counts in a fixed order of keys, zero where absent. */
	public static Map<String, Long> ordered(List<String> keys, Map<String, Long> counts) {
		Map<String, Long> out = new LinkedHashMap<>();
		keys.forEach(k -> out.put(k, counts.getOrDefault(k, 0L)));
		counts.forEach(out::putIfAbsent);
		return out;
	}

}
