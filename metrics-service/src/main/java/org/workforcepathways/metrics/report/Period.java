package org.workforcepathways.metrics.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a report covers and how its trends are bucketed.
 *
 * @param granularity day, week (starting Monday) or month
 */
public record Period(LocalDate from, LocalDate to, String granularity) {

	public static final List<String> GRANULARITIES = List.of("day", "week", "month");

	public boolean contains(LocalDate day) {
		return day != null && !day.isBefore(from) && !day.isAfter(to);
	}

	public long days() {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	/** The first day of the bucket a day falls in. */
	public LocalDate bucket(LocalDate day) {
		return switch (granularity) {
			case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case "month" -> day.withDayOfMonth(1);
			default -> day;
		};
	}

	public List<String> buckets() {
		List<String> out = new ArrayList<>();
		for (LocalDate b = bucket(from); !b.isAfter(to); b = switch (granularity) {
			case "week" -> b.plusWeeks(1);
			case "month" -> b.plusMonths(1);
			default -> b.plusDays(1);
		}) {
			out.add(b.toString());
		}
		return out;
	}

}
