package org.workforcepathways.directory.listing;

import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/**
 * When a listing runs or is open (HSDS {@code schedule}, an iCalendar-style recurrence).
 *
 * @param freq WEEKLY or MONTHLY; none for a one-off event on {@code dtstart}
 * @param byday days as iCalendar codes, e.g. {@code MO,TU,WE,TH}
 */
public record Schedule(@Nullable String freq, @Nullable String byday, @Nullable LocalTime opensAt,
		@Nullable LocalTime closesAt, @Nullable LocalDate dtstart, @Nullable LocalDate until,
		@Nullable String description) {

}
