package org.workforcepathways.metrics.report;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * A count as a report shows it: the number, or a marker when it is withheld. {@code "<10"} means from 1 to 9 people
 * (the threshold is configurable); {@code "suppressed"} means withheld so that a small count elsewhere cannot be
 * worked out from totals.
 */
public record Figure(@Nullable Long value, @Nullable String marker) {

	public static final String HIDDEN = "suppressed";

	public static Figure of(long value) {
		return new Figure(value, null);
	}

	static Figure small(int threshold) {
		return new Figure(null, "<" + threshold);
	}

	static Figure hidden() {
		return new Figure(null, HIDDEN);
	}

	public boolean shown() {
		return value != null;
	}

	@JsonValue
	public Object json() {
		return value != null ? value : marker;
	}

	@Override
	public String toString() {
		return String.valueOf(json());
	}

}
