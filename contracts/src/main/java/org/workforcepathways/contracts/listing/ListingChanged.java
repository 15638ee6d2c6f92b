package org.workforcepathways.contracts.listing;

import java.time.LocalDate;

/**
 * A listing was created, changed or retired. Carries what unfilled-seat and freshness metrics need; no personal data.
 * Keyed by {@code serviceId}, so the changes of one listing arrive in order.
 *
 * @param change created, updated or retired
 * @param version the listing's version after the change; a consumer keeps the highest it has seen
 * @param status HSDS status after the change (active, inactive, defunct, temporarily closed)
 * @param name the listing's public name, so reports can name a program with unfilled seats
 * @param occupations O*NET-SOC codes the listing prepares for
 */
public record ListingChanged(String serviceId, String organizationId, String kind, String change, long version,
		String status, Integer seatsTotal, Integer seatsOpen, LocalDate nextStart, String name,
		java.util.List<String> occupations) {

	public ListingChanged {
		occupations = occupations == null ? java.util.List.of() : java.util.List.copyOf(occupations);
	}

}
