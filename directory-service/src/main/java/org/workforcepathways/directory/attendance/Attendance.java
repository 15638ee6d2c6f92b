package org.workforcepathways.directory.attendance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How many registered for and attended one date of a career-exposure event, as its provider recorded it. Counts
 * only, never who.
 *
 * @param format in_person, virtual or hybrid
 * @param recordedAt when the counts were last recorded (a correction replaces them)
 */
public record Attendance(String serviceId, LocalDate eventOn, String format, int registered, int attended,
		Instant recordedAt) {

}
