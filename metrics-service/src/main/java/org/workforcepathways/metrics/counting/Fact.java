package org.workforcepathways.metrics.counting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One counter: a metric, the day it counts on (the region's calendar; absent for timeless figures) and its
 * dimensions. Encoded as {@code metric|day|dim|dim...} so that one metric's counters sit together in the store, in day
 * order, and a range read between {@link #first} and {@link #last} finds a period's.
 */
public record Fact(String metric, LocalDate day, List<String> dimensions) {

	private static final String NO_DAY = "-";

	public Fact {
		dimensions = List.copyOf(dimensions);
	}

	public static Fact of(String metric, LocalDate day, String... dimensions) {
		return new Fact(metric, day, Arrays.stream(dimensions).map(Fact::clean).toList());
	}

	public String key() {
		return metric + "|" + (day == null ? NO_DAY : day.toString())
				+ (dimensions.isEmpty() ? "" : "|" + String.join("|", dimensions));
	}

	public static Fact parse(String key) {
		String[] parts = key.split("\\|", -1);
		LocalDate day = parts[1].equals(NO_DAY) ? null : LocalDate.parse(parts[1]);
		return new Fact(parts[0], day, new ArrayList<>(Arrays.asList(parts).subList(2, parts.length)));
	}

	/** The lowest key a counter of {@code metric} on {@code day} can have. */
	public static String first(String metric, LocalDate day) {
		return metric + "|" + day;
	}

	/**
	 * A key above every counter of {@code metric} on {@code day} and below the next day's: '}' sorts right after the
	 * separator '|' (in the store's byte order too), whatever the dimensions hold.
	 */
	public static String last(String metric, LocalDate day) {
		return metric + "|" + day + "}";
	}

	public String dimension(int i) {
		return dimensions.get(i);
	}

	// a value never carries the separator, and an absent one is "-", so keys always split the same way
	private static String clean(String value) {
		if (value == null || value.isBlank()) {
			return NO_DAY;
		}
		String v = value.replace('|', '/');
		return v.length() <= 120 ? v : v.substring(0, 120);
	}

}
