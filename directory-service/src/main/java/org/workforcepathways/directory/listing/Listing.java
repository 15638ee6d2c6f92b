package org.workforcepathways.directory.listing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A program, support service, career event or job opening as the directory stores it, with the workforce fields
 * people choose by: cost, schedule, credential, occupations, next start, seats, pay and supports.
 *
 * @param sample true for the clearly labelled demo data
 */
public record Listing(String id, ListingKind kind, String title, String organization, @Nullable String organizationId,
		String description, List<String> categories, @Nullable String city, @Nullable String zip,
		@Nullable Double latitude, @Nullable Double longitude, List<String> languages, boolean free,
		@Nullable BigDecimal cost, List<String> schedule, @Nullable String credential, List<String> occupations,
		@Nullable LocalDate nextStart, @Nullable Integer durationWeeks, @Nullable Integer seatsTotal,
		@Nullable Integer seatsOpen, boolean paid, List<String> supports, @Nullable String eligibility,
		@Nullable String phone, @Nullable String url, boolean sample, @Nullable Instant updatedAt) {

	public Listing {
		categories = copy(categories);
		languages = languages == null || languages.isEmpty() ? List.of("en") : List.copyOf(languages);
		schedule = copy(schedule);
		occupations = copy(occupations);
		supports = copy(supports);
		cost = cost == null ? BigDecimal.ZERO : cost;
	}

	private static List<String> copy(List<String> list) {
		return list == null ? List.of() : List.copyOf(list);
	}

}
