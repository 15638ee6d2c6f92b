package org.workforcepathways.contracts.listing;

import java.time.LocalDate;

/**
 * A provider recorded how many registered for and attended one date of a career-exposure event (job shadow, plant
 * tour, fair). Counts only. Keyed by {@code serviceId}; for one listing and date the latest record wins.
 *
 * @param format in_person, virtual or hybrid
 */
public record EventAttendance(String serviceId, String organizationId, LocalDate eventOn, String format,
		int registered, int attended) {

}
